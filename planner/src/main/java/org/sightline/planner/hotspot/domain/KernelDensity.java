package org.sightline.planner.hotspot.domain;

import org.sightline.planner.grid.domain.MetricGrid;

/**
 * Quartic (biweight) kernel density on a metric grid: each weighted point adds
 * w · 3/(π h²) · (1 − d²/h²)² to every cell centre within the bandwidth h. Values are per square
 * metre, so a cell's value × its area estimates its expected events.
 */
public final class KernelDensity {

    private KernelDensity() {
    }

    /**
     * Bandwidth by Scott's rule for two dimensions, h = σ · n^(−1/6), with σ the root mean square
     * of the standard deviations of x and y; bounded to 50..2000 m so that a handful of points or a
     * whole county still gives a usable surface.
     */
    public static double scottBandwidthMetres(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return 200;
        }
        double sigma = Math.sqrt((variance(x) + variance(y)) / 2);
        return Math.max(50, Math.min(2000, sigma * Math.pow(n, -1.0 / 6)));
    }

    private static double variance(double[] v) {
        double mean = 0;
        for (double d : v) {
            mean += d;
        }
        mean /= v.length;
        double s = 0;
        for (double d : v) {
            s += (d - mean) * (d - mean);
        }
        return s / (v.length - 1);
    }

    /** The density of the weighted points on {@code grid} with bandwidth {@code h} metres. */
    public static double[] density(MetricGrid grid, double[] x, double[] y, double[] w, double h) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("bandwidth must be positive, was " + h);
        }
        double[] out = new double[grid.cellCount()];
        double norm = 3 / (Math.PI * h * h);
        double h2 = h * h;
        int reach = (int) Math.ceil(h / grid.cellMetres());
        for (int i = 0; i < x.length; i++) {
            if (w[i] == 0) {
                continue;
            }
            int home = grid.cellOf(x[i], y[i]);
            if (home < 0) {
                continue;
            }
            int hc = home % grid.cols();
            int hr = home / grid.cols();
            for (int r = Math.max(0, hr - reach); r <= Math.min(grid.rows() - 1, hr + reach); r++) {
                for (int c = Math.max(0, hc - reach); c <= Math.min(grid.cols() - 1, hc + reach); c++) {
                    int cell = r * grid.cols() + c;
                    double dx = grid.centreX(cell) - x[i];
                    double dy = grid.centreY(cell) - y[i];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < h2) {
                        double u = 1 - d2 / h2;
                        out[cell] += w[i] * norm * u * u;
                    }
                }
            }
        }
        return out;
    }
}
