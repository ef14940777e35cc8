package org.sightline.planner.hotspot.domain;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.grid.domain.MetricGrid;

/**
 * Builds the three hotspot layers on one metric grid: kernel density of the demand (quartic),
 * Getis-Ord Gi* of the per-cell counts with Benjamini–Hochberg correction, and a prospective
 * near-repeat surface in which each recent record adds a quartic kernel in space times an
 * exponential decay in time (so last month's burglary next door counts most).
 */
public final class HotspotLayers {

    /** How the layers are made; bandwidth 0 = Scott's rule. */
    public record Settings(double cellMetres, double kdeBandwidthMetres, double giDistanceMetres, double falseDiscoveryRate,
                           double nearRepeatBandwidthMetres, double nearRepeatHalfLifeMonths, int nearRepeatMonths) {
        public Settings {
            if (!(cellMetres >= 5 && cellMetres <= 1000)) {
                throw new IllegalArgumentException("cell size must be 5..1000 metres, was " + cellMetres);
            }
            if (kdeBandwidthMetres < 0 || kdeBandwidthMetres > 5000) {
                throw new IllegalArgumentException("KDE bandwidth must be 0 (rule) ..5000 metres, was " + kdeBandwidthMetres);
            }
            if (nearRepeatBandwidthMetres <= 0 || nearRepeatHalfLifeMonths <= 0 || nearRepeatMonths < 1) {
                throw new IllegalArgumentException("near-repeat bandwidth, half-life and months must be positive");
            }
        }

        /**
         * 50 m cells, Silverman-rule KDE, Gi* within 100 m (the cell and its neighbours about a street
         * block away) at FDR 5 %, near-repeat 200 m, half-life 1 month over 3 months.
         */
        public static Settings defaults() {
            return new Settings(50, 0, 100, 0.05, 200, 1, 3);
        }
    }

    private final MetricProjection projection;
    private final Settings settings;

    public HotspotLayers(MetricProjection projection, Settings settings) {
        this.projection = projection;
        this.settings = settings;
    }

    /** The grid every layer of this demand uses. */
    public MetricGrid grid(Demand demand) {
        double margin = Math.max(settings.nearRepeatBandwidthMetres(), Math.max(settings.kdeBandwidthMetres(), 300));
        return MetricGrid.covering(demand.xs(), demand.ys(), margin, settings.cellMetres());
    }

    /** Quartic kernel density of the demand weights, per square kilometre. */
    public GridLayer kernelDensity(Demand demand) {
        MetricGrid grid = grid(demand);
        double h = settings.kdeBandwidthMetres() > 0 ? settings.kdeBandwidthMetres()
                : KernelDensity.silvermanBandwidthMetres(demand.xs(), demand.ys(), counts(demand));
        double[] d = KernelDensity.density(grid, demand.xs(), demand.ys(), demand.weights(), h);
        for (int i = 0; i < d.length; i++) {
            d[i] *= 1e6;
        }
        String rule = settings.kdeBandwidthMetres() > 0 ? "given" : "Silverman's robust rule 0.9·min(σ, IQR/1.34)·n^(-1/5)";
        return new GridLayer("kde", "weighted crimes per km²", String.format(Locale.ROOT,
                "quartic kernel density, bandwidth %.0f m (%s), %.0f m cells", h, rule, grid.cellMetres()), projection,
                grid, d, null);
    }

    private static double[] counts(Demand demand) {
        double[] n = new double[demand.size()];
        for (int p = 0; p < n.length; p++) {
            n[p] = demand.totalCount(p);
        }
        return n;
    }

    /** Getis-Ord Gi* z-scores of the demand weights per cell; flags mark FDR-significant hot and cold spots. */
    public GridLayer getisOrd(Demand demand) {
        return getisOrd(demand, false);
    }

    /**
     * Getis-Ord Gi* z-scores of the records per cell (every record counts one, whatever the demand's
     * weights, recency or smoothing): where crime itself concentrates.
     */
    public GridLayer getisOrdOfRecords(Demand demand) {
        return getisOrd(demand, true);
    }

    private GridLayer getisOrd(Demand demand, boolean records) {
        MetricGrid grid = grid(demand);
        double[] counts = new double[grid.cellCount()];
        for (int p = 0; p < demand.size(); p++) {
            counts[grid.cellOf(demand.x(p), demand.y(p))] += records ? demand.totalCount(p) : demand.weight(p);
        }
        GetisOrd.Result r = GetisOrd.compute(grid, counts, settings.giDistanceMetres(), settings.falseDiscoveryRate());
        return new GridLayer("gi-star", "z-score", String.format(Locale.ROOT,
                "Getis-Ord Gi*, binary weights within %.0f m, Benjamini-Hochberg FDR %.0f %% (p ≤ %.2g): %d hot, %d cold cells",
                settings.giDistanceMetres(), 100 * settings.falseDiscoveryRate(), Math.max(0, r.pThreshold()), r.hot(),
                r.cold()), projection, grid, r.z(), r.flags());
    }

    /**
     * The prospective surface from {@code records} of the counted types in the last
     * {@code nearRepeatMonths} up to {@code asOf}: Σ quartic(d) · 0.5^(age / half-life).
     */
    public GridLayer nearRepeat(Demand demand, List<CrimeRecord> records, YearMonth asOf) {
        MetricGrid grid = grid(demand);
        YearMonth from = asOf.minusMonths(settings.nearRepeatMonths() - 1L);
        List<String> types = demand.types();
        int n = 0;
        double[] x = new double[records.size()];
        double[] y = new double[records.size()];
        double[] w = new double[records.size()];
        for (CrimeRecord r : records) {
            if (r.month().isBefore(from) || r.month().isAfter(asOf) || !types.contains(r.crimeType())) {
                continue;
            }
            GridPoint g = projection.project(r.position());
            long age = ChronoUnit.MONTHS.between(r.month(), asOf);
            x[n] = g.eastingMetres();
            y[n] = g.northingMetres();
            w[n] = Math.pow(0.5, age / settings.nearRepeatHalfLifeMonths());
            n++;
        }
        double[] d = KernelDensity.density(grid, java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(y, n),
                java.util.Arrays.copyOf(w, n), settings.nearRepeatBandwidthMetres());
        for (int i = 0; i < d.length; i++) {
            d[i] *= 1e6;
        }
        return new GridLayer("near-repeat", "recency-weighted crimes per km²", String.format(Locale.ROOT,
                "prospective near-repeat surface: %d records %s..%s, quartic %.0f m, half-life %.1f months",
                n, from, asOf, settings.nearRepeatBandwidthMetres(), settings.nearRepeatHalfLifeMonths()), projection,
                grid, d, null);
    }
}
