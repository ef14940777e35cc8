package org.sightline.planner.coverage.domain;

import java.util.function.DoubleUnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.crs.GridPoint;

/**
 * The ground a camera covers, in a metric CRS: a circular sector with its apex at the camera,
 * centred on {@code azimuthDegrees} (clockwise from grid north), {@code angleDegrees} wide (360 for
 * all round) and {@code radiusMetres} deep. A point counts as covered when it lies in the sector,
 * edges included.
 */
public record CoverageSector(GridPoint apex, double azimuthDegrees, double angleDegrees, double radiusMetres) {

    public CoverageSector {
        if (apex == null) {
            throw new IllegalArgumentException("a sector needs its apex");
        }
        if (!Double.isFinite(azimuthDegrees) || azimuthDegrees < 0 || azimuthDegrees >= 360) {
            throw new IllegalArgumentException("azimuth must be in [0, 360), was " + azimuthDegrees);
        }
        if (!Double.isFinite(angleDegrees) || angleDegrees <= 0 || angleDegrees > 360) {
            throw new IllegalArgumentException("sector angle must be in (0, 360], was " + angleDegrees);
        }
        if (!Double.isFinite(radiusMetres) || radiusMetres < 0) {
            throw new IllegalArgumentException("sector radius must be >= 0, was " + radiusMetres);
        }
    }

    /** The sector of {@code spec} at {@code apex} looking along {@code azimuthDegrees}. */
    public static CoverageSector of(CameraSpec spec, GridPoint apex, double azimuthDegrees) {
        return new CoverageSector(apex, azimuthDegrees, spec.sectorDegrees(), spec.groundRangeMetres());
    }

    /** Whether (x, y) in metres lies in the sector. */
    public boolean contains(double x, double y) {
        double dx = x - apex.eastingMetres();
        double dy = y - apex.northingMetres();
        double d2 = dx * dx + dy * dy;
        if (d2 > radiusMetres * radiusMetres) {
            return false;
        }
        if (angleDegrees >= 360 || d2 == 0) {
            return true;
        }
        double bearing = Math.toDegrees(Math.atan2(dx, dy));
        double diff = Math.abs(bearing - azimuthDegrees) % 360;
        if (diff > 180) {
            diff = 360 - diff;
        }
        return diff <= angleDegrees / 2 + 1e-9;
    }

    /** Ground area in square metres. */
    public double areaSquareMetres() {
        return Math.PI * radiusMetres * radiusMetres * angleDegrees / 360;
    }

    /**
     * The part of the sector in view from the apex, as a polygon in the same metric CRS: rays every
     * degree or less, each cut at the first wall {@code sight} reports. With nothing in the way it is
     * the whole sector.
     */
    public Polygon toVisiblePolygon(GeometryFactory factory, Occlusion.Sightlines sight) {
        if (sight.footprintsInRange() == 0) {
            return toPolygon(factory);
        }
        return ring(factory, 1, bearing -> sight.clearMetres(bearing, radiusMetres));
    }

    /** The sector as a polygon in the same metric CRS (the arc drawn with a vertex every 5°). */
    public Polygon toPolygon(GeometryFactory factory) {
        return ring(factory, 5, bearing -> radiusMetres);
    }

    /** The apex (unless all round) and one vertex every {@code stepDegrees} or less at the reach of each bearing. */
    private Polygon ring(GeometryFactory factory, double stepDegrees, DoubleUnaryOperator reachMetres) {
        int steps = Math.max(2, (int) Math.ceil(angleDegrees / stepDegrees));
        boolean full = angleDegrees >= 360;
        Coordinate[] ring = new Coordinate[full ? steps + 1 : steps + 3];
        int k = 0;
        if (!full) {
            ring[k++] = new Coordinate(apex.eastingMetres(), apex.northingMetres());
        }
        double start = azimuthDegrees - angleDegrees / 2;
        int arcPoints = full ? steps : steps + 1;
        for (int i = 0; i < arcPoints; i++) {
            double bearing = start + angleDegrees * i / steps;
            double r = reachMetres.applyAsDouble(bearing);
            double a = Math.toRadians(bearing);
            ring[k++] = new Coordinate(apex.eastingMetres() + r * Math.sin(a), apex.northingMetres() + r * Math.cos(a));
        }
        ring[k] = new Coordinate(ring[0]);
        return factory.createPolygon(ring);
    }
}
