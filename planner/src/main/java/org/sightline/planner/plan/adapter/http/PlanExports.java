package org.sightline.planner.plan.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.feature.CsvFeatureWriter;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.FeatureWriter;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.io.feature.GeoJsonFeatureWriter;
import org.sightline.geo.io.feature.GeoPackageFeatureWriter;

/** A plan's recommended sites (points) or their sectors (polygons) as GeoJSON, CSV or GeoPackage bytes. */
public final class PlanExports {

    /** Supported formats and their media types. */
    public enum Format {
        GEOJSON("application/geo+json", "geojson"), CSV("text/csv", "csv"), GPKG("application/geopackage+sqlite3", "gpkg");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** The format named by text; @throws IllegalArgumentException listing the choices */
        public static Format parse(String text) {
            String t = text == null ? "geojson" : text.strip().toLowerCase(Locale.ROOT);
            return switch (t) {
                case "geojson", "json" -> GEOJSON;
                case "csv" -> CSV;
                case "gpkg", "geopackage" -> GPKG;
                default -> throw new IllegalArgumentException("format must be geojson, csv or gpkg, was '" + text + "'");
            };
        }
    }

    private static final List<FeatureSchema.Column> COLUMNS = List.of(FeatureSchema.integer("rank"),
            FeatureSchema.text("site_id"), FeatureSchema.text("source"), FeatureSchema.real("azimuth_degrees"),
            FeatureSchema.real("cost_gbp"), FeatureSchema.real("marginal_gain"), FeatureSchema.real("marginal_share"),
            FeatureSchema.real("cumulative_share"), FeatureSchema.text("records_by_type"), FeatureSchema.text("explanation"));

    private PlanExports() {
    }

    /** The sites ({@code sectors == false}) or the sectors of {@code plan} in {@code format}. */
    public static byte[] export(PlanView plan, boolean sectors, Format format) throws IOException {
        List<GeoFeature> features = new ArrayList<>();
        for (PlanView.Site s : plan.sites()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", s.rank());
            p.put("site_id", s.siteId());
            p.put("source", s.source());
            p.put("azimuth_degrees", s.azimuthDegrees());
            p.put("cost_gbp", s.costGbp());
            p.put("marginal_gain", s.marginalGain());
            p.put("marginal_share", s.marginalShare());
            p.put("cumulative_share", s.cumulativeShare());
            List<String> counts = new ArrayList<>();
            s.recordsByType().forEach((type, n) -> counts.add(type + ": " + n));
            p.put("records_by_type", String.join("; ", counts));
            p.put("explanation", s.explanation());
            Geometry g = sectors ? sector(s) : Wgs84.FACTORY.createPoint(new Coordinate(s.lon(), s.lat()));
            features.add(new GeoFeature(s.rank(), g, p));
        }
        String layer = sectors ? "recommended_sectors" : "recommended_sites";
        FeatureSchema schema = new FeatureSchema(layer, sectors ? "Polygon" : "Point", COLUMNS);
        if (format == Format.GPKG) {
            Path file = Files.createTempFile("sightline-plan-", ".gpkg");
            try {
                try (FeatureWriter w = new GeoPackageFeatureWriter(file, schema)) {
                    for (GeoFeature f : features) {
                        w.write(f);
                    }
                }
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FeatureWriter w = format == Format.CSV ? new CsvFeatureWriter(out, schema)
                : new GeoJsonFeatureWriter(out, false, Map.of())) {
            for (GeoFeature f : features) {
                w.write(f);
            }
        }
        return out.toByteArray();
    }

    private static Geometry sector(PlanView.Site s) {
        Coordinate[] ring = new Coordinate[s.sector().size()];
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new Coordinate(s.sector().get(i).get(0), s.sector().get(i).get(1));
        }
        return Wgs84.FACTORY.createPolygon(ring);
    }
}
