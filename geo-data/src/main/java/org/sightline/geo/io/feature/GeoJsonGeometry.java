package org.sightline.geo.io.feature;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** GeoJSON (RFC 7946) geometry objects to and from JTS. */
public final class GeoJsonGeometry {

    private GeoJsonGeometry() {
    }

    /**
     * The JTS geometry of a GeoJSON geometry object, built with {@code factory}.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static Geometry read(JsonNode node, GeometryFactory factory) {
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("the feature has no geometry");
        }
        String type = node.path("type").asText("");
        if (type.equals("GeometryCollection")) {
            JsonNode parts = node.path("geometries");
            Geometry[] gs = new Geometry[parts.size()];
            for (int i = 0; i < gs.length; i++) {
                gs[i] = read(parts.get(i), factory);
            }
            return factory.createGeometryCollection(gs);
        }
        JsonNode c = node.get("coordinates");
        if (c == null || !c.isArray()) {
            throw new IllegalArgumentException("geometry of type '" + type + "' has no coordinates array");
        }
        return switch (type) {
            case "Point" -> factory.createPoint(coordinate(c));
            case "MultiPoint" -> factory.createMultiPointFromCoords(coordinates(c));
            case "LineString" -> line(c, factory);
            case "MultiLineString" -> {
                LineString[] lines = new LineString[c.size()];
                for (int i = 0; i < lines.length; i++) {
                    lines[i] = line(c.get(i), factory);
                }
                yield factory.createMultiLineString(lines);
            }
            case "Polygon" -> polygon(c, factory);
            case "MultiPolygon" -> {
                Polygon[] polys = new Polygon[c.size()];
                for (int i = 0; i < polys.length; i++) {
                    polys[i] = polygon(c.get(i), factory);
                }
                yield factory.createMultiPolygon(polys);
            }
            default -> throw new IllegalArgumentException("unknown geometry type '" + type + "'");
        };
    }

    private static LineString line(JsonNode c, GeometryFactory f) {
        Coordinate[] cs = coordinates(c);
        if (cs.length == 1) {
            throw new IllegalArgumentException("a LineString needs at least 2 positions");
        }
        return f.createLineString(cs);
    }

    private static Polygon polygon(JsonNode rings, GeometryFactory f) {
        if (rings.isEmpty()) {
            return f.createPolygon();
        }
        LinearRing shell = ring(rings.get(0), f);
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i), f);
        }
        return f.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode c, GeometryFactory f) {
        Coordinate[] cs = coordinates(c);
        if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
            throw new IllegalArgumentException("a polygon ring needs at least 4 positions and must be closed");
        }
        return f.createLinearRing(cs);
    }

    private static Coordinate[] coordinates(JsonNode array) {
        Coordinate[] cs = new Coordinate[array.size()];
        for (int i = 0; i < cs.length; i++) {
            cs[i] = coordinate(array.get(i));
        }
        return cs;
    }

    private static Coordinate coordinate(JsonNode p) {
        if (p == null || !p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
            throw new IllegalArgumentException("a position must be an array of at least two numbers, was " + p);
        }
        return new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
    }

    /** Writes {@code g} as a GeoJSON geometry object, with coordinates rounded to {@code decimals}. */
    public static void write(JsonGenerator out, Geometry g, int decimals) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", g.getGeometryType());
        if (g instanceof GeometryCollection && !(g instanceof MultiPoint || g instanceof MultiLineString
                || g instanceof MultiPolygon)) {
            out.writeArrayFieldStart("geometries");
            for (int i = 0; i < g.getNumGeometries(); i++) {
                write(out, g.getGeometryN(i), decimals);
            }
            out.writeEndArray();
        } else {
            out.writeFieldName("coordinates");
            coordinates(out, g, decimals);
        }
        out.writeEndObject();
    }

    private static void coordinates(JsonGenerator out, Geometry g, int decimals) throws IOException {
        if (g instanceof Point p) {
            position(out, p.getCoordinate(), decimals);
        } else if (g instanceof LineString l) {
            positions(out, l.getCoordinates(), decimals);
        } else if (g instanceof Polygon p) {
            out.writeStartArray();
            positions(out, p.getExteriorRing().getCoordinates(), decimals);
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                positions(out, p.getInteriorRingN(i).getCoordinates(), decimals);
            }
            out.writeEndArray();
        } else {
            out.writeStartArray();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                coordinates(out, g.getGeometryN(i), decimals);
            }
            out.writeEndArray();
        }
    }

    private static void positions(JsonGenerator out, Coordinate[] cs, int decimals) throws IOException {
        out.writeStartArray();
        for (Coordinate c : cs) {
            position(out, c, decimals);
        }
        out.writeEndArray();
    }

    private static void position(JsonGenerator out, Coordinate c, int decimals) throws IOException {
        out.writeStartArray();
        out.writeNumber(round(c.x, decimals));
        out.writeNumber(round(c.y, decimals));
        out.writeEndArray();
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }
}
