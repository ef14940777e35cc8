package org.sightline.planner.backtest.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.grid.domain.MetricGrid;
import org.sightline.planner.grid.domain.PointIndex;
import org.sightline.planner.hotspot.domain.KernelDensity;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.Pick;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * Makes a plan on training months only and scores it, with baselines of the same camera count and
 * model, on later test months. Methods: the plan (lazy greedy on the predictive demand); the same
 * optimiser on plain past counts; cameras at KDE peaks (quartic kernel, non-overlapping: peaks at
 * least two camera ranges apart); cameras at the most frequent past crime points; random candidate
 * sites (mean of seeded draws); and, for PAI, the KDE's top grid cells of the plan's area.
 */
public final class Backtest {

    public static final String PLAN = "plan (predictive demand)";
    public static final String PAST_COUNTS = "max coverage of past counts";
    public static final String KDE_PEAKS = "KDE peaks";
    public static final String TOP_POINTS = "most frequent past points";
    public static final String RANDOM = "random candidate sites";
    public static final String KDE_CELLS = "KDE top cells (same area)";

    private final MetricProjection projection;
    private final BacktestSettings settings;

    public Backtest(MetricProjection projection, BacktestSettings settings) {
        this.projection = projection;
        this.settings = settings;
    }

    /**
     * Runs the backtest. {@code planSpec} is the plan's demand spec (its months must be the training
     * months); test crimes count when their type is among the plan's types.
     *
     * @throws IllegalArgumentException when there are no training or no test crimes, or no candidate
     */
    public BacktestReport run(List<CrimeRecord> train, List<CrimeRecord> test, DemandSpec planSpec,
                              MonthRange testMonths, List<Candidate> candidates, double studyAreaSquareMetres) {
        DemandBuilder builder = new DemandBuilder(projection);
        Demand predictive = builder.build(train, planSpec);
        Demand past = builder.build(train, DemandSpec.counts(planSpec.weights(), planSpec.months()));
        Demand future = builder.build(test, DemandSpec.counts(planSpec.weights(), testMonths));
        if (past.isEmpty()) {
            throw new IllegalArgumentException("no training crimes of the chosen types in " + planSpec.months());
        }
        if (future.isEmpty()) {
            throw new IllegalArgumentException("no test crimes of the chosen types in " + testMonths);
        }
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate sites");
        }
        CameraSpec spec = settings.spec();
        Scorer scorer = new Scorer(future, spec, studyAreaSquareMetres, settings.cellMetres());
        CoverageBuilder coverage = new CoverageBuilder(settings.azimuths());
        PlanLimit limit = new PlanLimit.CameraCount(settings.cameras());

        List<BacktestRow> rows = new ArrayList<>();
        SitingInstance planInstance = coverage.build(predictive, spec, candidates, List.of());
        SitingResult plan = new LazyGreedy().solve(new SitingProblem(planInstance, limit, settings.minSpacingMetres()));
        List<Placement> planPlacements = placements(planInstance, plan);
        BacktestRow planRow = scorer.row(PLAN, planPlacements);
        rows.add(planRow);

        SitingInstance pastInstance = coverage.build(past, spec, candidates, List.of());
        SitingResult pastPlan = new LazyGreedy().solve(new SitingProblem(pastInstance, limit, settings.minSpacingMetres()));
        rows.add(scorer.row(PAST_COUNTS, placements(pastInstance, pastPlan)));

        MetricGrid grid = MetricGrid.covering(past.xs(), past.ys(), settings.kdeBandwidthMetres(), settings.cellMetres());
        double[] counts = IntStream.range(0, past.size()).mapToDouble(past::totalCount).toArray();
        double[] density = KernelDensity.density(grid, past.xs(), past.ys(), counts, settings.kdeBandwidthMetres());
        Integer[] cellsByDensity = IntStream.range(0, density.length).boxed()
                .sorted(Comparator.comparingDouble((Integer c) -> -density[c])).toArray(Integer[]::new);

        rows.add(scorer.row(KDE_PEAKS, kdePeaks(grid, cellsByDensity, density, past)));
        rows.add(scorer.row(TOP_POINTS, topPoints(past)));
        rows.add(random(scorer, planInstance));
        rows.add(kdeCells(scorer, grid, cellsByDensity, future, planRow));
        String description = String.format(Locale.ROOT,
                "Backtest: plan on %s, scored on %s; %d cameras of %s (fixed %s°, %d px, %.0f m range at %s), %d azimuths, "
                        + "min spacing %.0f m; KDE quartic %.0f m; demand half-life %.0f months, smoothing %.0f m × %.2f",
                planSpec.months().first() + ".." + planSpec.months().last(), testMonths.first() + ".." + testMonths.last(),
                settings.cameras(), spec.ptz() ? "PTZ" : "fixed", fmt(spec.horizontalFovDegrees()), spec.widthPixels(),
                spec.groundRangeMetres(), spec.dori().name().toLowerCase(Locale.ROOT), settings.azimuths(),
                settings.minSpacingMetres(), settings.kdeBandwidthMetres(), planSpec.recencyHalfLifeMonths(),
                planSpec.smoothingBandwidthMetres(), planSpec.smoothingShare());
        return new BacktestReport(rows, past.recordCount(), future.recordCount(), candidates.size(),
                studyAreaSquareMetres / 1e6, description);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static List<Placement> placements(SitingInstance in, SitingResult result) {
        List<Placement> out = new ArrayList<>();
        for (Pick p : result.picks()) {
            out.add(new Placement(in.siteOf(p.option()).at(), p.azimuthDegrees()));
        }
        return out;
    }

    /** The azimuth (of the discrete set) whose sector holds the most past crimes. */
    private Placement bestAzimuth(GridPoint at, Demand past, PointIndex index) {
        CameraSpec spec = settings.spec();
        int directions = spec.ptz() ? 1 : settings.azimuths();
        double best = -1;
        double bestAzimuth = 0;
        for (int a = 0; a < directions; a++) {
            double azimuth = 360.0 * a / directions;
            CoverageSector sector = CoverageSector.of(spec, at, azimuth);
            double[] sum = {0};
            index.forEachWithin(at.eastingMetres(), at.northingMetres(), spec.groundRangeMetres(), p -> {
                if (sector.contains(past.x(p), past.y(p))) {
                    sum[0] += past.totalCount(p);
                }
            });
            if (sum[0] > best) {
                best = sum[0];
                bestAzimuth = azimuth;
            }
        }
        return new Placement(at, bestAzimuth);
    }

    private List<Placement> kdePeaks(MetricGrid grid, Integer[] cellsByDensity, double[] density, Demand past) {
        PointIndex index = new PointIndex(past.xs(), past.ys(), Math.max(25, settings.spec().groundRangeMetres()));
        double apart = 2 * settings.spec().groundRangeMetres();
        List<Placement> out = new ArrayList<>();
        for (int cell : cellsByDensity) {
            if (out.size() == settings.cameras() || density[cell] <= 0) {
                break;
            }
            GridPoint at = new GridPoint(grid.centreX(cell), grid.centreY(cell));
            if (out.stream().allMatch(p -> p.at().distanceMetres(at) >= apart)) {
                out.add(bestAzimuth(at, past, index));
            }
        }
        return out;
    }

    private List<Placement> topPoints(Demand past) {
        PointIndex index = new PointIndex(past.xs(), past.ys(), Math.max(25, settings.spec().groundRangeMetres()));
        Integer[] order = IntStream.range(0, past.size()).boxed()
                .sorted(Comparator.comparingInt((Integer p) -> -past.totalCount(p))).toArray(Integer[]::new);
        double apart = Math.max(1, settings.minSpacingMetres());
        List<Placement> out = new ArrayList<>();
        for (int p : order) {
            if (out.size() == settings.cameras()) {
                break;
            }
            GridPoint at = past.gridPoint(p);
            if (out.stream().allMatch(q -> q.at().distanceMetres(at) >= apart)) {
                out.add(bestAzimuth(at, past, index));
            }
        }
        return out;
    }

    private BacktestRow random(Scorer scorer, SitingInstance in) {
        Random random = new Random(settings.seed());
        int directions = settings.spec().ptz() ? 1 : settings.azimuths();
        List<Candidate> sites = in.sites();
        double hit = 0;
        double area = 0;
        for (int d = 0; d < settings.randomDraws(); d++) {
            List<Placement> draw = new ArrayList<>();
            boolean[] used = new boolean[sites.size()];
            while (draw.size() < Math.min(settings.cameras(), sites.size())) {
                int s = random.nextInt(sites.size());
                if (!used[s]) {
                    used[s] = true;
                    draw.add(new Placement(sites.get(s).at(), 360.0 * random.nextInt(directions) / directions));
                }
            }
            hit += scorer.hitRate(draw);
            area += scorer.coveredAreaSquareMetres(draw);
        }
        int n = settings.randomDraws();
        return scorer.row(RANDOM + " (mean of " + n + ")", settings.cameras(), hit / n, area / n);
    }

    private BacktestRow kdeCells(Scorer scorer, MetricGrid grid, Integer[] cellsByDensity, Demand future,
                                 BacktestRow planRow) {
        double area = planRow.coveredAreaKm2() * 1e6;
        double cells = area / grid.cellAreaSquareMetres();
        int whole = (int) Math.floor(cells);
        double[] perCell = new double[grid.cellCount()];
        for (int p = 0; p < future.size(); p++) {
            int c = grid.cellOf(future.x(p), future.y(p));
            if (c >= 0) {
                perCell[c] += future.totalCount(p);
            }
        }
        double hits = 0;
        for (int i = 0; i < whole && i < cellsByDensity.length; i++) {
            hits += perCell[cellsByDensity[i]];
        }
        if (whole < cellsByDensity.length) {
            hits += (cells - whole) * perCell[cellsByDensity[whole]];
        }
        double hit = hits / scorer.totalTestCrimes();
        return scorer.row(KDE_CELLS, 0, hit, area);
    }
}
