package org.sightline.geo.road.adapter.file;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.sightline.geo.io.feature.FeatureMapper;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;

/**
 * Road segments to and from file features. Understands OS Open Roads attributes
 * ({@code road_classification}, {@code road_classification_number}, {@code name1},
 * {@code directionality}) and OpenStreetMap-derived ones ({@code highway} or {@code fclass},
 * {@code ref}, {@code name}, {@code oneway}). Features that are not roads (footpaths, rail, ...)
 * are left out; a MultiLineString becomes one segment per part.
 */
public final class RoadFeatures {

    /** The layout Sightline writes. */
    public static final FeatureSchema SCHEMA = new FeatureSchema("roads", "LineString", List.of(
            FeatureSchema.text("id"), FeatureSchema.text("road_class"), FeatureSchema.text("road_number"),
            FeatureSchema.text("name"), FeatureSchema.text("direction"), FeatureSchema.bool("approximate")));

    private RoadFeatures() {
    }

    /**
     * A mapper for one source file; {@code source} names segments that carry no id of their own
     * (source#feature-number), which keeps ids stable when the same file is imported again.
     */
    public static FeatureMapper<RoadSegment> mapper(String source) {
        return f -> {
            Optional<RoadClass> roadClass = roadClass(f);
            if (roadClass.isEmpty()) {
                return List.of();
            }
            String id = f.firstText("id", "identifier", "gml_id", "osm_id", "@id", "fid", "toid")
                    .orElse(source + "#" + f.ordinal());
            String number = f.firstText("road_classification_number", "roadClassificationNumber", "road_number",
                    "ref", "number").orElse("");
            // OSM refs may list several numbers ("A57;A5080"): the first names the route
            number = number.split(";")[0];
            String name = f.firstText("name1", "name", "road_name", "roadName").orElse("");
            TravelDirection direction = direction(f);
            boolean approximate = f.text("approximate").map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
            Geometry g = f.geometry();
            List<RoadSegment> out = new ArrayList<>();
            if (g instanceof LineString line) {
                out.add(new RoadSegment(id, roadClass.get(), number, name, line, direction, approximate));
            } else if (g.getGeometryType().equals("MultiLineString")) {
                for (int i = 0; i < g.getNumGeometries(); i++) {
                    out.add(new RoadSegment(g.getNumGeometries() == 1 ? id : id + "#" + (i + 1), roadClass.get(),
                            number, name, (LineString) g.getGeometryN(i), direction, approximate));
                }
            } else {
                throw new IllegalArgumentException("a road must be a LineString or MultiLineString, was "
                        + g.getGeometryType());
            }
            return out;
        };
    }

    private static Optional<RoadClass> roadClass(GeoFeature f) {
        Optional<String> text = f.firstText("road_classification", "roadClassification", "road_class", "class",
                "highway", "fclass");
        if (text.isPresent()) {
            return RoadClass.find(text.get());
        }
        // no class attribute: a numbered road still says what it is
        String number = f.firstText("road_classification_number", "ref", "road_number").orElse("").toUpperCase(Locale.ROOT);
        if (number.matches("M\\d+.*")) {
            return Optional.of(RoadClass.MOTORWAY);
        }
        if (number.matches("A\\d+.*")) {
            return Optional.of(RoadClass.A_ROAD);
        }
        if (number.matches("B\\d+.*")) {
            return Optional.of(RoadClass.B_ROAD);
        }
        return Optional.of(RoadClass.UNKNOWN);
    }

    private static TravelDirection direction(GeoFeature f) {
        String os = f.text("directionality").orElse("").toLowerCase(Locale.ROOT);
        if (os.equals("in direction")) {
            return TravelDirection.WITH_GEOMETRY;
        }
        if (os.equals("in opposite direction")) {
            return TravelDirection.AGAINST_GEOMETRY;
        }
        String oneway = f.firstText("oneway", "direction").orElse("").toLowerCase(Locale.ROOT);
        return switch (oneway) {
            case "yes", "true", "1", "f", "with_geometry" -> TravelDirection.WITH_GEOMETRY;
            case "-1", "t", "reverse", "against_geometry" -> TravelDirection.AGAINST_GEOMETRY;
            default -> TravelDirection.BOTH;
        };
    }

    /** The feature Sightline writes for a segment. */
    public static GeoFeature toFeature(RoadSegment s, long ordinal) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", s.id());
        p.put("road_class", s.roadClass().key());
        p.put("road_number", s.roadNumber());
        p.put("name", s.name());
        p.put("direction", s.direction().name().toLowerCase(Locale.ROOT));
        p.put("approximate", s.approximate());
        return new GeoFeature(ordinal, s.geometry(), p);
    }
}
