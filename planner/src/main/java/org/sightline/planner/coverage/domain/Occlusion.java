package org.sightline.planner.coverage.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.locationtech.jts.algorithm.RayCrossingCounter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.index.strtree.STRtree;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;

/**
 * Building footprints that block a camera's line of sight, in the plan's metric CRS. A point is
 * visible from a camera when the straight segment between them crosses no footprint's outline,
 * with two exceptions: a footprint that contains the camera (it is mounted on that building) and
 * one that contains the point (police.uk places a premises' records at the building) do not hide
 * it. Footprints sit in a JTS {@link STRtree}; a camera asks once for those within its range
 * ({@link #from}) and tests each point against that short list. Immutable and thread-safe.
 */
public final class Occlusion {

    private static final Occlusion NONE = new Occlusion(List.of());

    private final STRtree tree;
    private final int size;

    private Occlusion(List<Footprint> footprints) {
        this.size = footprints.size();
        this.tree = new STRtree();
        for (Footprint f : footprints) {
            tree.insert(f.envelope, f);
        }
        tree.build();
    }

    /** No buildings: every point in range is visible. */
    public static Occlusion none() {
        return NONE;
    }

    /**
     * Footprints given as polygons in metres (holes respected). Empty polygons are skipped.
     *
     * @throws NullPointerException if the collection or one of its polygons is null
     */
    public static Occlusion of(Collection<Polygon> footprintsMetric) {
        List<Footprint> list = new ArrayList<>(footprintsMetric.size());
        for (Polygon p : footprintsMetric) {
            if (!p.isEmpty()) {
                list.add(new Footprint(p));
            }
        }
        return list.isEmpty() ? NONE : new Occlusion(list);
    }

    /**
     * Footprints given as WGS84 polygons, projected with {@code projection}.
     *
     * @throws NullPointerException if the collection or one of its polygons is null
     */
    public static Occlusion ofWgs84(Collection<Polygon> footprintsWgs84, MetricProjection projection) {
        List<Polygon> metric = new ArrayList<>(footprintsWgs84.size());
        for (Polygon p : footprintsWgs84) {
            metric.add((Polygon) projection.project(p));
        }
        return of(metric);
    }

    /** Whether there are no footprints. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** Number of footprints. */
    public int size() {
        return size;
    }

    /** What a camera at {@code camera} can see within {@code rangeMetres} (≥ 0). */
    public Sightlines from(GridPoint camera, double rangeMetres) {
        double x = camera.eastingMetres();
        double y = camera.northingMetres();
        if (size == 0 || !(rangeMetres > 0)) {
            return new Sightlines(x, y, new Footprint[0]);
        }
        List<Footprint> near = new ArrayList<>();
        Envelope reach = new Envelope(x - rangeMetres, x + rangeMetres, y - rangeMetres, y + rangeMetres);
        tree.query(reach, item -> {
            Footprint f = (Footprint) item;
            if (!f.contains(x, y)) {
                near.add(f);
            }
        });
        return new Sightlines(x, y, near.toArray(new Footprint[0]));
    }

    /** The lines of sight from one camera position: which points it sees, how far each bearing is clear. */
    public static final class Sightlines {

        private final double x0;
        private final double y0;
        private final Footprint[] near;

        private Sightlines(double x0, double y0, Footprint[] near) {
            this.x0 = x0;
            this.y0 = y0;
            this.near = near;
        }

        /** Number of footprints within range that could block a line of sight. */
        public int footprintsInRange() {
            return near.length;
        }

        /** Whether the point (x, y) in metres can be seen from the camera (range and angle are not checked here). */
        public boolean sees(double x, double y) {
            double minX = Math.min(x0, x);
            double maxX = Math.max(x0, x);
            double minY = Math.min(y0, y);
            double maxY = Math.max(y0, y);
            for (Footprint f : near) {
                Envelope e = f.envelope;
                if (e.getMaxX() < minX || e.getMinX() > maxX || e.getMaxY() < minY || e.getMinY() > maxY) {
                    continue;
                }
                if (f.crossedBy(x0, y0, x, y) < Double.POSITIVE_INFINITY && !f.contains(x, y)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * How far the ground is in view along {@code bearingDegrees} (clockwise from grid north): the
         * distance to the first wall, or {@code maxMetres} when none is nearer.
         */
        public double clearMetres(double bearingDegrees, double maxMetres) {
            double a = Math.toRadians(bearingDegrees);
            double x1 = x0 + maxMetres * Math.sin(a);
            double y1 = y0 + maxMetres * Math.cos(a);
            double minX = Math.min(x0, x1);
            double maxX = Math.max(x0, x1);
            double minY = Math.min(y0, y1);
            double maxY = Math.max(y0, y1);
            double t = 1;
            for (Footprint f : near) {
                Envelope e = f.envelope;
                if (e.getMaxX() < minX || e.getMinX() > maxX || e.getMaxY() < minY || e.getMinY() > maxY) {
                    continue;
                }
                t = Math.min(t, f.crossedBy(x0, y0, x1, y1));
            }
            return t * maxMetres;
        }
    }

    /** One footprint: its rings as coordinate arrays and its envelope. */
    private static final class Footprint {
        final Envelope envelope;
        final Coordinate[][] rings;

        Footprint(Polygon p) {
            envelope = p.getEnvelopeInternal();
            rings = new Coordinate[1 + p.getNumInteriorRing()][];
            rings[0] = p.getExteriorRing().getCoordinates();
            for (int i = 0; i < p.getNumInteriorRing(); i++) {
                rings[i + 1] = p.getInteriorRingN(i).getCoordinates();
            }
        }

        /** Inside the outline (edges included) and not inside a hole. */
        boolean contains(double x, double y) {
            if (!envelope.contains(x, y)) {
                return false;
            }
            Coordinate q = new Coordinate(x, y);
            if (RayCrossingCounter.locatePointInRing(q, rings[0]) == Location.EXTERIOR) {
                return false;
            }
            for (int i = 1; i < rings.length; i++) {
                if (RayCrossingCounter.locatePointInRing(q, rings[i]) == Location.INTERIOR) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The smallest parameter t in [0, 1] at which the segment (ax, ay)→(bx, by) meets one of the
         * rings, or +∞ when it meets none.
         */
        double crossedBy(double ax, double ay, double bx, double by) {
            double best = Double.POSITIVE_INFINITY;
            double rx = bx - ax;
            double ry = by - ay;
            for (Coordinate[] ring : rings) {
                for (int i = 0; i + 1 < ring.length; i++) {
                    double cx = ring[i].x;
                    double cy = ring[i].y;
                    double sx = ring[i + 1].x - cx;
                    double sy = ring[i + 1].y - cy;
                    double denom = rx * sy - ry * sx;
                    double qx = cx - ax;
                    double qy = cy - ay;
                    if (denom == 0) {
                        // parallel: only a collinear overlap meets, and a wall seen edge-on hides nothing behind it
                        continue;
                    }
                    double t = (qx * sy - qy * sx) / denom;
                    double u = (qx * ry - qy * rx) / denom;
                    if (t >= 0 && t <= 1 && u >= 0 && u <= 1 && t < best) {
                        best = t;
                    }
                }
            }
            return best;
        }
    }
}
