package org.sightline.planner.grid.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A uniform-grid hash of points in metres for fixed-radius neighbour queries. Cheaper than a tree
 * when every query uses about the same radius. Immutable after construction; thread-safe for reads.
 */
public final class PointIndex {

    private final double[] x;
    private final double[] y;
    private final double cellMetres;
    private final Map<Long, int[]> cells;

    /**
     * Indexes the points {@code (x[i], y[i])} in cells of {@code cellMetres}; choose about the
     * radius of the typical query.
     */
    public PointIndex(double[] x, double[] y, double cellMetres) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        if (!(cellMetres > 0) || !Double.isFinite(cellMetres)) {
            throw new IllegalArgumentException("cell size must be positive, was " + cellMetres);
        }
        this.x = x;
        this.y = y;
        this.cellMetres = cellMetres;
        Map<Long, int[]> counts = new HashMap<>();
        Map<Long, Integer> sizes = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            sizes.merge(key(cell(x[i]), cell(y[i])), 1, Integer::sum);
        }
        sizes.forEach((k, n) -> counts.put(k, new int[n]));
        Map<Long, Integer> fill = new HashMap<>();
        for (int i = 0; i < x.length; i++) {
            long k = key(cell(x[i]), cell(y[i]));
            int at = fill.merge(k, 1, Integer::sum) - 1;
            counts.get(k)[at] = i;
        }
        this.cells = counts;
    }

    /** Number of indexed points. */
    public int size() {
        return x.length;
    }

    /** Calls {@code action} with the index of every point within {@code radiusMetres} of (qx, qy), inclusive. */
    public void forEachWithin(double qx, double qy, double radiusMetres, IntConsumer action) {
        double r2 = radiusMetres * radiusMetres;
        long c0 = cell(qx - radiusMetres);
        long c1 = cell(qx + radiusMetres);
        long r0 = cell(qy - radiusMetres);
        long r1 = cell(qy + radiusMetres);
        for (long cx = c0; cx <= c1; cx++) {
            for (long cy = r0; cy <= r1; cy++) {
                int[] members = cells.get(key(cx, cy));
                if (members == null) {
                    continue;
                }
                for (int i : members) {
                    double dx = x[i] - qx;
                    double dy = y[i] - qy;
                    if (dx * dx + dy * dy <= r2) {
                        action.accept(i);
                    }
                }
            }
        }
    }

    private long cell(double v) {
        return (long) Math.floor(v / cellMetres);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
