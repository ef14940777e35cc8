package org.sightline.geo.io.feature;

import java.util.List;
import java.util.Objects;

/**
 * The layout of a feature layer to be written: its name, geometry type (Point, LineString,
 * MultiPolygon, ...) and attribute columns in order. Formats with a fixed schema (GeoPackage,
 * CSV) need it; GeoJSON ignores it.
 */
public record FeatureSchema(String layer, String geometryType, List<Column> columns) {

    /** Attribute types that every supported format can hold. */
    public enum Type { TEXT, REAL, INTEGER, BOOLEAN }

    /** One attribute column. */
    public record Column(String name, Type type) {
        public Column {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("column name must be a plain identifier, was '" + name + "'");
            }
            Objects.requireNonNull(type, "type");
        }
    }

    public FeatureSchema {
        if (layer == null || !layer.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("layer name must be a plain identifier, was '" + layer + "'");
        }
        Objects.requireNonNull(geometryType, "geometryType");
        columns = List.copyOf(columns);
    }

    public static Column text(String name) {
        return new Column(name, Type.TEXT);
    }

    public static Column real(String name) {
        return new Column(name, Type.REAL);
    }

    public static Column integer(String name) {
        return new Column(name, Type.INTEGER);
    }

    public static Column bool(String name) {
        return new Column(name, Type.BOOLEAN);
    }
}
