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
     * Bandwidth by Silverman's robust rule of thumb, h = 0.9 · min(σ, IQR / 1.34) · n^(−1/5), with
     * σ and IQR the weighted spread of the points averaged over x and y, and n the total weight (the
     * number of records). The IQR term keeps a few outlying points from widening the kernel over a
     * clustered area; the result is bounded to 50..2000 m.
     */
    public static double silvermanBandwidthMetres(double[] x, double[] y, double[] w) {
        double n = 0;
        for (double v : w) {
            n += v;
        }
        if (x.length < 2 || n < 2) {
            return 200;
        }
        double sigma = Math.sqrt((weightedVariance(x, w, n) + weightedVariance(y, w, n)) / 2);
        double iqr = (weightedIqr(x, w, n) + weightedIqr(y, w, n)) / 2;
        double spread = iqr > 0 ? Math.min(sigma, iqr / 1.34) : sigma;
        return Math.max(50, Math.min(2000, 0.9 * spread * Math.pow(n, -0.2)));
    }

    private static double weightedVariance(double[] v, double[] w, double n) {
        double mean = 0;
        for (int i = 0; i < v.length; i++) {
            mean += w[i] * v[i];
        }
        mean /= n;
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            s += w[i] * (v[i] - mean) * (v[i] - mean);
        }
        return s / n;
    }

    private static double weightedIqr(double[] v, double[] w, double n) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
        double q1 = Double.NaN;
        double q3 = Double.NaN;
        double cumulative = 0;
        for (int i : order) {
            cumulative += w[i];
            if (Double.isNaN(q1) && cumulative >= 0.25 * n) {
                q1 = v[i];
            }
            if (cumulative >= 0.75 * n) {
                q3 = v[i];
                break;
            }
        }
        return q3 - q1;
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
