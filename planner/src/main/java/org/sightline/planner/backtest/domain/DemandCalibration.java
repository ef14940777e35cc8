package org.sightline.planner.backtest.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * Fits the demand model's recency half-life and spatial smoothing on the training months alone:
 * holds out the last {@link #VALIDATION_MONTHS} training months, plans on the months before them
 * with each candidate setting, and keeps the setting whose plan covers the most held-out crimes
 * (ties go to the simpler setting, listed first). The test months are never looked at.
 */
public final class DemandCalibration {

    /** Held-out months at the end of the training period. */
    public static final int VALIDATION_MONTHS = 6;

    /** Half-lives (months, 0 = off) and (bandwidth m, share) pairs tried, simplest first. */
    static final double[] HALF_LIVES = {0, 24, 12, 6};
    static final double[][] SMOOTHING = {{0, 0}, {100, 0.2}, {150, 0.2}, {250, 0.1}, {100, 0.5}, {200, 0.3}};

    /** The fitted spec (over the whole training period) and what was tried. */
    public record Result(DemandSpec spec, double validationHitRate, double countsHitRate, String summary) {
    }

    private final MetricProjection projection;
    private final BacktestSettings settings;

    public DemandCalibration(MetricProjection projection, BacktestSettings settings) {
        this.projection = projection;
        this.settings = settings;
    }

    /**
     * Fits {@code base} (its types, weights and months) to {@code train}. When the training period is
     * too short to hold months out (under 12 months), {@code base} is returned unchanged.
     */
    public Result fit(List<CrimeRecord> train, DemandSpec base, List<Candidate> candidates) {
        MonthRange months = base.months();
        long span = java.time.temporal.ChronoUnit.MONTHS.between(months.first(), months.last()) + 1;
        if (span < 12) {
            return new Result(base, Double.NaN, Double.NaN, "training period under 12 months: default demand model kept");
        }
        MonthRange fitMonths = new MonthRange(months.first(), months.last().minusMonths(VALIDATION_MONTHS));
        MonthRange heldOut = new MonthRange(months.last().minusMonths(VALIDATION_MONTHS - 1), months.last());
        DemandBuilder builder = new DemandBuilder(projection);
        Demand validation = builder.build(train, DemandSpec.counts(base.weights(), heldOut));
        if (validation.isEmpty()) {
            return new Result(base, Double.NaN, Double.NaN, "no held-out crimes: default demand model kept");
        }
        Scorer scorer = new Scorer(validation, settings.spec(), 1, settings.cellMetres());
        CoverageBuilder coverage = new CoverageBuilder(settings.azimuths());
        DemandSpec fitBase = new DemandSpec(base.weights(), fitMonths, 0, base.vulnerabilityByLsoa(),
                base.defaultVulnerability(), 0, 0);
        double best = -1;
        double countsHit = Double.NaN;
        double[] chosen = {0, 0, 0};
        List<String> tried = new ArrayList<>();
        for (double halfLife : HALF_LIVES) {
            for (double[] smoothing : SMOOTHING) {
                DemandSpec candidate = fitBase.withRecencyHalfLife(halfLife).withSmoothing(smoothing[0], smoothing[1]);
                Demand demand = builder.build(train, candidate);
                SitingInstance in = coverage.build(demand, settings.spec(), candidates, List.of());
                SitingResult plan = new LazyGreedy().solve(new SitingProblem(in,
                        new PlanLimit.CameraCount(settings.cameras()), settings.minSpacingMetres()));
                List<Placement> placements = new ArrayList<>();
                plan.picks().forEach(p -> placements.add(new Placement(in.siteOf(p.option()).at(), p.azimuthDegrees())));
                double hit = scorer.hitRate(placements);
                if (halfLife == 0 && smoothing[0] == 0) {
                    countsHit = hit;
                }
                tried.add(String.format(Locale.ROOT, "%.0f/%.0f/%.1f=%.2f%%", halfLife, smoothing[0], smoothing[1],
                        100 * hit));
                if (hit > best + 1e-12) {
                    best = hit;
                    chosen = new double[] {halfLife, smoothing[0], smoothing[1]};
                }
            }
        }
        DemandSpec fitted = base.withRecencyHalfLife(chosen[0]).withSmoothing(chosen[1], chosen[2]);
        String summary = String.format(Locale.ROOT,
                "demand model fitted on %s, held out %s: half-life %.0f months, smoothing %.0f m × %.1f "
                        + "(held-out hit rate %.2f%% vs %.2f%% for plain counts); tried half-life/bandwidth/share: %s",
                fitMonths.first() + ".." + fitMonths.last(), heldOut.first() + ".." + heldOut.last(), chosen[0], chosen[1],
                chosen[2], 100 * best, 100 * countsHit, String.join(" ", tried));
        return new Result(fitted, best, countsHit, summary);
    }
}
