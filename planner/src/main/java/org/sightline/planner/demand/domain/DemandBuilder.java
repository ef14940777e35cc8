package org.sightline.planner.demand.domain;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.planner.grid.domain.PointIndex;

/**
 * Turns crime records into {@link Demand}: keeps the records of the spec's months and types,
 * groups them by map point, weighs each record by type weight × recency × vulnerability of its
 * LSOA, then (if asked) adds a quartic-kernel share of neighbouring points' weight. Records from
 * any source (PostGIS or police.uk files) are treated alike.
 */
public final class DemandBuilder {

    private final MetricProjection projection;

    public DemandBuilder(MetricProjection projection) {
        this.projection = projection;
    }

    /** Builds the demand of {@code records} under {@code spec}. An empty result is possible, not an error. */
    public Demand build(Iterable<CrimeRecord> records, DemandSpec spec) {
        List<String> types = spec.weights().types();
        Map<String, Integer> typeIndex = new HashMap<>();
        for (int i = 0; i < types.size(); i++) {
            typeIndex.put(types.get(i), i);
        }
        Map<LonLat, Integer> pointOf = new HashMap<>();
        List<LonLat> positions = new ArrayList<>();
        List<String> lsoas = new ArrayList<>();
        List<String> places = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        List<double[]> weights = new ArrayList<>();
        YearMonth reference = spec.months().last();
        for (CrimeRecord r : records) {
            Integer t = typeIndex.get(r.crimeType());
            if (t == null || !spec.months().contains(r.month())) {
                continue;
            }
            Integer p = pointOf.get(r.position());
            if (p == null) {
                p = positions.size();
                pointOf.put(r.position(), p);
                positions.add(r.position());
                lsoas.add(r.lsoaCode());
                places.add(r.location().isEmpty() ? r.lsoaName() : r.location());
                counts.add(new int[types.size()]);
                weights.add(new double[1]);
            }
            counts.get(p)[t]++;
            weights.get(p)[0] += spec.weights().weightOf(r.crimeType()) * recency(spec, reference, r.month())
                    * vulnerability(spec, r.lsoaCode());
        }
        int n = positions.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] w = new double[n];
        int[] flat = new int[n * types.size()];
        for (int i = 0; i < n; i++) {
            GridPoint g = projection.project(positions.get(i));
            x[i] = g.eastingMetres();
            y[i] = g.northingMetres();
            w[i] = weights.get(i)[0];
            System.arraycopy(counts.get(i), 0, flat, i * types.size(), types.size());
        }
        double[] smoothed = smooth(x, y, w, spec.smoothingBandwidthMetres(), spec.smoothingShare());
        return new Demand(projection, spec, types, positions.toArray(new LonLat[0]), x, y, smoothed, flat,
                lsoas.toArray(new String[0]), places.toArray(new String[0]));
    }

    private static double recency(DemandSpec spec, YearMonth reference, YearMonth month) {
        if (spec.recencyHalfLifeMonths() == 0) {
            return 1;
        }
        long age = Math.max(0, ChronoUnit.MONTHS.between(month, reference));
        return Math.pow(0.5, age / spec.recencyHalfLifeMonths());
    }

    private static double vulnerability(DemandSpec spec, String lsoaCode) {
        if (spec.vulnerabilityByLsoa().isEmpty()) {
            return 1;
        }
        return spec.vulnerabilityByLsoa().getOrDefault(lsoaCode, spec.defaultVulnerability());
    }

    /** w'(p) = w(p) + share · Σ_{q≠p} w(q) · (1 − (d/h)²)² for d < h. */
    static double[] smooth(double[] x, double[] y, double[] w, double bandwidth, double share) {
        if (bandwidth <= 0 || share <= 0 || x.length == 0) {
            return w;
        }
        PointIndex index = new PointIndex(x, y, bandwidth);
        double[] out = new double[w.length];
        double h2 = bandwidth * bandwidth;
        for (int p = 0; p < x.length; p++) {
            final int self = p;
            double[] sum = {0};
            index.forEachWithin(x[p], y[p], bandwidth, q -> {
                if (q != self) {
                    double dx = x[q] - x[self];
                    double dy = y[q] - y[self];
                    double u = 1 - (dx * dx + dy * dy) / h2;
                    sum[0] += w[q] * u * u;
                }
            });
            out[p] = w[p] + share * sum[0];
        }
        return out;
    }
}
