package org.sightline.geo.io.feature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBReader;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.ReadTally;

/**
 * Reads the features of one layer of an OGC GeoPackage (NGA GeoPackage library). Layers in WGS84
 * (EPSG:4326) or British National Grid (EPSG:27700) are accepted; features are numbered from 1 in
 * table order. Thread-safe: each call opens the file itself.
 */
public final class GeoPackageFeatureReader {

    private final ProjectionService projections;

    public GeoPackageFeatureReader(ProjectionService projections) {
        this.projections = projections;
    }

    /** The feature layers of a GeoPackage, in file order. */
    public List<String> layers(Path file) {
        try (GeoPackage gpkg = GeoPackageManager.open(file.toFile(), false)) {
            return List.copyOf(gpkg.getFeatureTables());
        }
    }

    /**
     * Reads {@code layer}, or the only feature layer when {@code layer} is empty.
     */
    public <T> ReadSummary read(Path file, Optional<String> layer, FeatureMapper<T> mapper, Consumer<T> sink,
                                ReadListener listener) {
        FeatureDelivery<T> out = new FeatureDelivery<>(mapper, sink, new ReadTally(file.getFileName().toString(), listener));
        if (!Files.isRegularFile(file)) {
            out.tally().fileProblem(0, "file not found: " + file);
            return out.tally().summary();
        }
        GeoPackage gpkg;
        try {
            gpkg = GeoPackageManager.open(file.toFile(), false);
        } catch (RuntimeException e) {
            out.tally().fileProblem(0, "not a readable GeoPackage: " + e.getMessage());
            return out.tally().summary();
        }
        try (gpkg) {
            List<String> tables = gpkg.getFeatureTables();
            String table;
            if (layer.isPresent()) {
                if (!tables.contains(layer.get())) {
                    out.tally().fileProblem(0, "no feature layer '" + layer.get() + "'; layers: " + tables);
                    return out.tally().summary();
                }
                table = layer.get();
            } else if (tables.size() == 1) {
                table = tables.get(0);
            } else {
                out.tally().fileProblem(0, tables.isEmpty() ? "the GeoPackage has no feature layers"
                        : "the GeoPackage has several feature layers " + tables + "; name one with --layer");
                return out.tally().summary();
            }
            FeatureDao dao = gpkg.getFeatureDao(table);
            Optional<MetricProjection> projection = projectionOf(dao.getSrs());
            long total = dao.count();
            long ordinal = 0;
            WKBReader wkb = new WKBReader(Wgs84.FACTORY);
            FeatureResultSet rows = dao.queryForAll();
            try {
                while (rows.moveToNext()) {
                    ordinal++;
                    FeatureRow row = rows.getRow();
                    Geometry g;
                    try {
                        GeoPackageGeometryData data = row.getGeometry();
                        if (data == null || data.isEmpty()) {
                            out.reject(ordinal, "the feature has no geometry");
                            continue;
                        }
                        g = wkb.read(data.getWkb());
                        g.setSRID(Wgs84.SRID);
                        if (projection.isPresent()) {
                            g = projection.get().unproject(g);
                        }
                    } catch (Exception e) {
                        out.reject(ordinal, "unreadable geometry: " + e.getMessage());
                        continue;
                    }
                    Map<String, Object> props = new LinkedHashMap<>();
                    for (String column : row.getColumnNames()) {
                        if (!column.equals(row.getGeometryColumnName()) && !column.equals(dao.getPkColumnName())) {
                            props.put(column, row.getValue(column));
                        }
                    }
                    out.deliver(ordinal, g, props);
                    if (ordinal % 10_000 == 0) {
                        listener.progress(ordinal, total);
                    }
                }
            } finally {
                rows.close();
            }
        } catch (IllegalArgumentException e) {
            out.tally().fileProblem(0, e.getMessage());
        } catch (RuntimeException e) {
            out.tally().fileProblem(0, "cannot read the GeoPackage: " + e.getMessage());
        }
        return out.tally().summary();
    }

    private Optional<MetricProjection> projectionOf(SpatialReferenceSystem srs) {
        String org = srs.getOrganization() == null ? "" : srs.getOrganization().toUpperCase(Locale.ROOT);
        long code = srs.getOrganizationCoordsysId();
        if (org.equals("EPSG") && code == 4326 || org.equals("OGC") && code == 84) {
            return Optional.empty();
        }
        if (org.equals("EPSG") && code == 27700) {
            return Optional.of(projections.britishNationalGrid());
        }
        throw new IllegalArgumentException("unsupported CRS " + org + ":" + code + ": use EPSG:4326 or EPSG:27700");
    }
}
