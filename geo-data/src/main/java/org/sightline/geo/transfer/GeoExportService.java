package org.sightline.geo.transfer;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.config.GeoProperties;
import org.sightline.geo.crossing.domain.BoroughCrossing;
import org.sightline.geo.crossing.domain.CrossingFinder;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.FeatureWriter;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.adapter.file.CandidateSiteFeatures;

/** Writes the stored geography to GeoJSON, GeoPackage or CSV files that open in QGIS. */
@Singleton
public class GeoExportService {

    /** What can be exported. */
    public enum Kind {
        BOUNDARIES, ROADS, ARTERIALS, CROSSINGS, CAMERAS, CANDIDATES;

        public static Optional<Kind> find(String name) {
            try {
                return Optional.of(valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    private static final FeatureSchema CROSSINGS = new FeatureSchema("crossings", "Point", List.of(
            FeatureSchema.text("boundary_code"), FeatureSchema.text("road_number"), FeatureSchema.text("route_name"),
            FeatureSchema.text("segment_ids"), FeatureSchema.real("inbound_bearing_degrees"), FeatureSchema.text("inbound"),
            FeatureSchema.text("flow")));

    private final FeatureFiles files;
    private final BoundaryStore boundaries;
    private final RoadStore roads;
    private final CameraStore cameras;
    private final CandidateSiteStore sites;
    private final CrossingFinder crossings;
    private final ArterialSelection arterial;

    public GeoExportService(FeatureFiles files, BoundaryStore boundaries, RoadStore roads, CameraStore cameras,
                            CandidateSiteStore sites, CrossingFinder crossings, GeoProperties properties) {
        this.files = files;
        this.boundaries = boundaries;
        this.roads = roads;
        this.cameras = cameras;
        this.sites = sites;
        this.crossings = crossings;
        this.arterial = properties.arterialSelection();
    }

    /**
     * Writes {@code kind} to {@code out}; covert cameras are included only when asked.
     *
     * @param boundaryCode required for crossings
     * @return the number of features written
     * @throws IllegalArgumentException for a missing or unknown boundary code
     */
    public long export(Kind kind, Path out, FeatureFormat format, Optional<BoundingBox> bbox, Optional<String> boundaryCode,
                       boolean includeCovert) throws IOException {
        List<GeoFeature> features = new ArrayList<>();
        FeatureSchema schema;
        switch (kind) {
            case BOUNDARIES -> {
                schema = BoundaryFeatures.SCHEMA;
                boundaries.list(bbox).forEach(b -> features.add(BoundaryFeatures.toFeature(b, features.size() + 1)));
            }
            case ROADS, ARTERIALS -> {
                schema = kind == Kind.ROADS ? RoadFeatures.SCHEMA
                        : new FeatureSchema("arterials", RoadFeatures.SCHEMA.geometryType(), RoadFeatures.SCHEMA.columns());
                roads.list(bbox, kind == Kind.ARTERIALS ? Optional.of(arterial) : Optional.empty())
                        .forEach(r -> features.add(RoadFeatures.toFeature(r, features.size() + 1)));
            }
            case CAMERAS -> {
                schema = CameraFeatures.SCHEMA;
                cameras.list(bbox, includeCovert).forEach(c -> features.add(CameraFeatures.toFeature(c, features.size() + 1)));
            }
            case CANDIDATES -> {
                schema = CandidateSiteFeatures.SCHEMA;
                sites.list(bbox).forEach(s -> features.add(CandidateSiteFeatures.toFeature(s, features.size() + 1)));
            }
            case CROSSINGS -> {
                schema = CROSSINGS;
                String code = boundaryCode.orElseThrow(() -> new IllegalArgumentException("crossings need --boundary CODE"));
                Boundary b = boundaries.find(code).orElseThrow(() -> new IllegalArgumentException("no boundary with code '" + code + "'"));
                var env = b.area().getEnvelopeInternal();
                env.expandBy(0.05);
                for (BoroughCrossing c : crossings.find(b, arterial.routes(roads.list(Optional.of(BoundingBox.of(env)), Optional.of(arterial))))) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("boundary_code", c.boundaryCode());
                    p.put("road_number", c.roadNumber());
                    p.put("route_name", c.routeName());
                    p.put("segment_ids", String.join(";", c.segmentIds()));
                    p.put("inbound_bearing_degrees", Math.round(c.inboundBearing().degrees() * 10) / 10.0);
                    p.put("inbound", c.inboundCompassPoint());
                    p.put("flow", c.flow().name().toLowerCase(Locale.ROOT));
                    features.add(new GeoFeature(features.size() + 1, Wgs84.point(c.position()), p));
                }
            }
            default -> throw new IllegalStateException("unhandled kind " + kind);
        }
        try (FeatureWriter w = files.writer(out, format, schema, Map.of())) {
            for (GeoFeature f : features) {
                w.write(f);
            }
        }
        return features.size();
    }
}
