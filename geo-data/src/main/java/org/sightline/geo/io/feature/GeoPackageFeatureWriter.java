package org.sightline.geo.io.feature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes one WGS84 feature layer to a new OGC GeoPackage (NGA GeoPackage library), in one
 * transaction. An existing file is replaced. Opens in QGIS and passes {@code ogrinfo}.
 */
public final class GeoPackageFeatureWriter implements FeatureWriter {

    private static final long WGS84_SRS_ID = 4326;

    private final GeoPackage gpkg;
    private final FeatureDao dao;
    private final FeatureSchema schema;
    private final WKBWriter wkb = new WKBWriter(2);
    private final org.locationtech.jts.geom.Envelope extent = new org.locationtech.jts.geom.Envelope();

    public GeoPackageFeatureWriter(Path file, FeatureSchema schema) throws IOException {
        this.schema = schema;
        Files.deleteIfExists(file);
        GeoPackageManager.create(file.toFile());
        this.gpkg = GeoPackageManager.open(file.toFile());
        try {
            GeometryColumns geometry = new GeometryColumns();
            geometry.setId(new TableColumnKey(schema.layer(), "geom"));
            geometry.setGeometryType(GeometryType.fromName(schema.geometryType().toUpperCase(Locale.ROOT)));
            geometry.setZ((byte) 0);
            geometry.setM((byte) 0);
            geometry.setSrsId(WGS84_SRS_ID);
            List<FeatureColumn> columns = new ArrayList<>();
            for (FeatureSchema.Column c : schema.columns()) {
                columns.add(FeatureColumn.createColumn(c.name(), switch (c.type()) {
                    case TEXT -> GeoPackageDataType.TEXT;
                    case REAL -> GeoPackageDataType.DOUBLE;
                    case INTEGER -> GeoPackageDataType.INTEGER;
                    case BOOLEAN -> GeoPackageDataType.BOOLEAN;
                }));
            }
            gpkg.createFeatureTable(FeatureTableMetadata.create(geometry, "fid", columns,
                    new BoundingBox(-180, -90, 180, 90)));
            this.dao = gpkg.getFeatureDao(schema.layer());
            gpkg.beginTransaction();
        } catch (RuntimeException e) {
            gpkg.close();
            throw new IOException("cannot create the GeoPackage layer " + schema.layer() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(GeoFeature f) throws IOException {
        extent.expandToInclude(f.geometry().getEnvelopeInternal());
        FeatureRow row = dao.newRow();
        row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(WGS84_SRS_ID, wkb.write(f.geometry())));
        for (FeatureSchema.Column c : schema.columns()) {
            Object v = f.properties().get(c.name());
            if (v instanceof List<?> list) {
                v = String.join(";", list.stream().map(String::valueOf).toList());
            }
            if (v != null) {
                row.setValue(c.name(), switch (c.type()) {
                    case TEXT -> v.toString();
                    case REAL -> ((Number) v).doubleValue();
                    case INTEGER -> ((Number) v).longValue();
                    case BOOLEAN -> (Boolean) v;
                });
            }
        }
        dao.insert(row);
    }

    @Override
    public void close() throws IOException {
        try {
            if (!extent.isNull()) {
                // the layer's real extent, so that GIS tools zoom to the data (the layer name is a
                // checked identifier and the values are numbers, so the statement is safe to build)
                gpkg.execSQL(String.format(Locale.ROOT, "UPDATE gpkg_contents SET min_x = %s, min_y = %s, max_x = %s,"
                        + " max_y = %s WHERE table_name = '%s'", extent.getMinX(), extent.getMinY(), extent.getMaxX(),
                        extent.getMaxY(), schema.layer()));
            }
            gpkg.endTransaction(true);
        } finally {
            gpkg.close();
        }
    }
}
