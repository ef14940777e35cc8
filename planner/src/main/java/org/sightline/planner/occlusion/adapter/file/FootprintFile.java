package org.sightline.planner.occlusion.adapter.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.geo.io.feature.FeatureMapper;

/**
 * Building footprints from a GIS file that geo-data reads (GeoJSON, GeoJSON lines, GeoPackage; in
 * WGS84 or British National Grid, turned into WGS84): the building layer of OS Open Map Local, or
 * OpenStreetMap {@code building=*} polygons. A MultiPolygon gives one footprint per part; a
 * feature that is not a polygon is rejected with its reason, and the rest of the file is kept.
 */
public final class FootprintFile {

    /** More footprints than this in one file are refused: split the area. */
    public static final int MAX_FOOTPRINTS = 2_000_000;

    /** The polygons read and the file's summary (rows read, rejected, why). */
    public record Read(List<Polygon> footprints, ReadSummary summary) {
        public Read {
            footprints = List.copyOf(footprints);
        }
    }

    private final FeatureFiles files = new FeatureFiles(new ProjectionService());

    /**
     * Reads {@code file} ({@code layer} names the GeoPackage table, else the first feature table).
     *
     * @throws IllegalArgumentException when the file holds more than {@link #MAX_FOOTPRINTS}
     */
    public Read read(Path file, Optional<String> layer) {
        List<Polygon> out = new ArrayList<>();
        try {
            ReadSummary summary = files.read(file, Optional.empty(), layer, mapper(), p -> {
                if (out.size() >= MAX_FOOTPRINTS) {
                    throw new TooMany();
                }
                out.add(p);
            }, ReadListener.NONE);
            return new Read(out, summary);
        } catch (TooMany e) {
            throw new IllegalArgumentException(file.getFileName() + " holds more than " + MAX_FOOTPRINTS
                    + " footprints: import the buildings of a smaller area");
        }
    }

    /** Stops a read that has gone past the limit (not an IllegalArgumentException, which readers count per row). */
    private static final class TooMany extends RuntimeException {
        TooMany() {
            super(null, null, false, false);
        }
    }

    /** Polygons as they are, MultiPolygons as their parts; anything else is rejected. */
    static FeatureMapper<Polygon> mapper() {
        return f -> {
            Geometry g = f.geometry();
            if (!(g instanceof Polygon) && !g.getGeometryType().equals("MultiPolygon")) {
                throw new IllegalArgumentException("not a polygon (" + g.getGeometryType()
                        + "): building footprints must be polygons");
            }
            List<Polygon> parts = new ArrayList<>();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                if (!p.isEmpty()) {
                    Polygon copy = (Polygon) Wgs84.FACTORY.createGeometry(p);
                    copy.setSRID(Wgs84.SRID);
                    parts.add(copy);
                }
            }
            if (parts.isEmpty()) {
                throw new IllegalArgumentException("empty polygon");
            }
            return parts;
        };
    }
}
