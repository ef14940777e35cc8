package org.sightline.planner.hotspot.domain;

import java.util.Arrays;
import org.sightline.planner.grid.domain.MetricGrid;

/**
 * Getis-Ord Gi* on grid counts with binary weights (every cell whose centre lies within
 * {@code distanceMetres} of the cell's centre, the cell itself included). z-scores are turned into
 * two-sided p-values, and significance is decided by the Benjamini–Hochberg procedure at false
 * discovery rate {@code q} over all cells, so that testing tens of thousands of cells does not
 * flood the map with chance hot spots.
 */
public final class GetisOrd {

    /** z-scores, two-sided p-values and flags (+1 significant hot, −1 significant cold, 0 neither). */
    public record Result(double[] z, double[] p, int[] flags, double pThreshold, int hot, int cold) {
    }

    private GetisOrd() {
    }

    /** Gi* of {@code counts} (one per cell of {@code grid}). */
    public static Result compute(MetricGrid grid, double[] counts, double distanceMetres, double q) {
        if (counts.length != grid.cellCount()) {
            throw new IllegalArgumentException("one count per cell is needed");
        }
        if (!(distanceMetres >= grid.cellMetres())) {
            throw new IllegalArgumentException("Gi* distance must be at least one cell (" + grid.cellMetres() + " m)");
        }
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("false discovery rate must be in (0, 1), was " + q);
        }
        int n = counts.length;
        double sum = 0;
        double sumSq = 0;
        for (double x : counts) {
            sum += x;
            sumSq += x * x;
        }
        double mean = sum / n;
        double s = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        int reach = (int) Math.floor(distanceMetres / grid.cellMetres());
        double d2 = distanceMetres * distanceMetres;
        double[] z = new double[n];
        double[] p = new double[n];
        for (int cell = 0; cell < n; cell++) {
            int c0 = cell % grid.cols();
            int r0 = cell / grid.cols();
            double local = 0;
            int w = 0;
            for (int r = Math.max(0, r0 - reach); r <= Math.min(grid.rows() - 1, r0 + reach); r++) {
                for (int c = Math.max(0, c0 - reach); c <= Math.min(grid.cols() - 1, c0 + reach); c++) {
                    double dx = (c - c0) * grid.cellMetres();
                    double dy = (r - r0) * grid.cellMetres();
                    if (dx * dx + dy * dy <= d2) {
                        local += counts[r * grid.cols() + c];
                        w++;
                    }
                }
            }
            double denominator = s * Math.sqrt(((double) n * w - (double) w * w) / (n - 1));
            z[cell] = denominator > 0 ? (local - mean * w) / denominator : 0;
            p[cell] = twoSidedP(z[cell]);
        }
        double threshold = benjaminiHochberg(p, q);
        int[] flags = new int[n];
        int hot = 0;
        int cold = 0;
        for (int cell = 0; cell < n; cell++) {
            if (p[cell] <= threshold) {
                flags[cell] = z[cell] > 0 ? 1 : -1;
                if (z[cell] > 0) {
                    hot++;
                } else {
                    cold++;
                }
            }
        }
        return new Result(z, p, flags, threshold, hot, cold);
    }

    /** The largest p-value declared significant by Benjamini–Hochberg at rate q (−1 when none is). */
    static double benjaminiHochberg(double[] p, double q) {
        double[] sorted = p.clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        double threshold = -1;
        for (int k = 1; k <= m; k++) {
            if (sorted[k - 1] <= q * k / m) {
                threshold = sorted[k - 1];
            }
        }
        return threshold;
    }

    /** P(|Z| ≥ |z|) for a standard normal Z. */
    static double twoSidedP(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** Complementary error function, Chebyshev fit with relative error below 1.2e-7 everywhere. */
    static double erfc(double x) {
        double a = Math.abs(x);
        double t = 1 / (1 + 0.5 * a);
        double r = t * Math.exp(-a * a - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
