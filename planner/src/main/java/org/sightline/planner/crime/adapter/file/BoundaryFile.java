package org.sightline.planner.crime.adapter.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.geo.crs.Wgs84;

/**
 * Reads a study area from a GeoJSON file (a Feature, a FeatureCollection, a bare geometry, or one
 * Feature per line): the union of its polygons, in WGS84.
 */
public final class BoundaryFile {

    private BoundaryFile() {
    }

    /**
     * The union of every polygon in the file.
     *
     * @throws IllegalArgumentException when the file is missing, not GeoJSON, or has no polygon
     */
    public static Geometry read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read boundary file " + file + ": " + e.getMessage());
        }
        GeoJsonReader reader = new GeoJsonReader(Wgs84.FACTORY);
        List<Geometry> parts = new ArrayList<>();
        try {
            String trimmed = text.strip();
            if (trimmed.startsWith("{") && !trimmed.contains("\n{")) {
                collect(reader.read(trimmed), parts);
            } else {
                for (String line : trimmed.split("\\R")) {
                    if (!line.isBlank()) {
                        collect(reader.read(line), parts);
                    }
                }
            }
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("boundary file " + file + " is not valid GeoJSON: " + e.getMessage());
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("boundary file " + file + " holds no polygon");
        }
        Geometry union = UnaryUnionOp.union(parts);
        union.setSRID(Wgs84.SRID);
        return union;
    }

    private static void collect(Geometry g, List<Geometry> parts) {
        if (g instanceof GeometryCollection gc && !(g instanceof org.locationtech.jts.geom.MultiPolygon)) {
            for (int i = 0; i < gc.getNumGeometries(); i++) {
                collect(gc.getGeometryN(i), parts);
            }
        } else if (g.getDimension() == 2 && !g.isEmpty()) {
            parts.add(g.isValid() ? g : g.buffer(0));
        }
    }
}
