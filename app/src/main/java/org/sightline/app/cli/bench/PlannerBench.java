package org.sightline.app.cli.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sightline.app.cli.plan.BacktestReportPrinter;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.planner.backtest.adapter.file.FileBacktest;
import org.sightline.planner.backtest.domain.BacktestSettings;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.coverage.domain.Occlusion;
import org.sightline.planner.crime.adapter.file.PoliceUkFolder;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.siting.adapter.ortools.ExactSolver;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sightline bench planner}: the planner on real police.uk data. Knowsley (the demo area),
 * 24 months, map-point and grid candidates × 8 azimuths: lazy greedy and exact (SCIP, 0.1 % gap)
 * times, objectives and bound; the same instance as a dense coverage matrix with plain greedy (the
 * approach of spopt / maxcovr) for the time and memory ratio; the coverage and greedy times with
 * synthetic building footprints in the way; the whole force area's greedy time and memory; and the
 * backtest.
 */
@Command(name = "planner", mixinStandardHelpOptions = true,
        description = "Planner: greedy and exact solve times, dense-matrix comparison, force-wide greedy, backtest.")
public class PlannerBench implements Callable<Integer> {

    @Option(names = "--cameras", defaultValue = "20", description = "New cameras per plan (default ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--area-cameras", defaultValue = "100", description = "New cameras for the force-wide plan (default ${DEFAULT-VALUE}).")
    int areaCameras;

    @Option(names = "--months", defaultValue = "2018-01..2019-12", description = "Months of demand (default ${DEFAULT-VALUE}).")
    String months;

    @Option(names = "--area-months", defaultValue = "2018-01..2020-06",
            description = "Months of the force-wide instance (default ${DEFAULT-VALUE}: every month of the shared data).")
    String areaMonths;

    @Option(names = "--lsoa-prefix", defaultValue = "Knowsley ", description = "The borough instance (default '${DEFAULT-VALUE}').")
    String lsoaPrefix;

    @Override
    public Integer call() {
        Machine.print();
        Path shared = Path.of(System.getProperty("sightline.shared.data", "../shared/data"));
        MonthRange range = MonthRanges.parse(months);
        PoliceUkFolder folder = new PoliceUkFolder(shared.resolve("crime"));
        CameraSpec spec = CameraSpec.typicalFixed();
        System.out.printf("camera: fixed %.0f°, %d px, %s, ground range %.1f m, 8 azimuths%n", spec.horizontalFovDegrees(),
                spec.widthPixels(), spec.dori(), spec.groundRangeMetres());

        // --- borough instance
        List<CrimeRecord> borough = folder.read(AreaFilter.lsoaNamePrefix(lsoaPrefix), range).records();
        MetricProjection projection = new ProjectionService().forArea(FileBacktest.envelope(borough));
        List<Candidate> candidates = FileBacktest.candidates(projection, borough, 50);
        Demand demand = new DemandBuilder(projection).build(borough, DemandSpec.predictive(CrimeWeights.priorities(), range));
        long t0 = System.nanoTime();
        SitingInstance in = new CoverageBuilder(8).build(demand, spec, candidates, List.of());
        double sparseBuild = seconds(t0);
        System.out.printf("borough '%s' %s: %d records, %d demand points (%d priority records), %d candidates × 8 azimuths "
                        + "= %d options with coverage, %d coverage entries; sparse coverage built in %.3f s%n",
                lsoaPrefix.strip(), months, borough.size(), demand.size(), demand.recordCount(), candidates.size(),
                in.optionCount(), in.coverageEntries(), sparseBuild);
        SitingProblem problem = new SitingProblem(in, new PlanLimit.CameraCount(cameras), 0);
        SitingResult greedy = null;
        double[] times = new double[7];
        for (int i = 0; i < times.length; i++) {
            greedy = new LazyGreedy().solve(problem);
            times[i] = greedy.seconds();
        }
        double greedyS = median(Arrays.copyOfRange(times, 2, times.length));
        System.out.printf("lazy greedy, %d cameras: median %.4f s of 5 runs (after 2 warm-ups); covered %.2f of %.2f "
                + "(%.1f %%), online bound %.2f%n", cameras, greedyS, greedy.coveredWeight(), greedy.totalWeight(),
                100 * greedy.coveredShare(), greedy.upperBound());
        SitingResult exact = new ExactSolver(ExactSolver.Engine.SCIP, Duration.ofSeconds(120), 0.001).solve(problem, greedy);
        System.out.printf("exact (OR-Tools SCIP, 0.1 %% gap, greedy hint): %.2f s, %s; objective %.2f, bound %.2f, gap %.4f %%%n",
                exact.seconds(), exact.status(), exact.coveredWeight(), exact.upperBound(), 100 * exact.gap());

        // --- the same instance with buildings in the way (synthetic: no footprints in the shared data)
        List<Polygon> blocks = syntheticBlocks(demand);
        t0 = System.nanoTime();
        Occlusion occlusion = Occlusion.of(blocks);
        SitingInstance occluded = new CoverageBuilder(8).build(demand, spec, candidates, List.of(), occlusion);
        double occludedBuild = seconds(t0);
        SitingProblem occludedProblem = new SitingProblem(occluded, new PlanLimit.CameraCount(cameras), 0);
        SitingResult occludedGreedy = null;
        double[] occludedTimes = new double[5];
        for (int i = 0; i < occludedTimes.length; i++) {
            occludedGreedy = new LazyGreedy().solve(occludedProblem);
            occludedTimes[i] = occludedGreedy.seconds();
        }
        double occludedGreedyS = median(Arrays.copyOfRange(occludedTimes, 2, occludedTimes.length));
        System.out.printf("with %,d synthetic building footprints (12 m × 8 m, every 35 m over the borough; STRtree + ray "
                        + "test per site and point): coverage built in %.3f s (open ground %.3f s), %d coverage entries; "
                        + "lazy greedy median %.4f s, covered %.1f %% (open ground %.1f %%)%n", blocks.size(), occludedBuild,
                sparseBuild, occluded.coverageEntries(), occludedGreedyS, 100 * occludedGreedy.coveredShare(),
                100 * greedy.coveredShare());

        // --- dense formulation on the same instance
        double[] dense = dense(demand, spec, candidates, cameras);
        double sparseTotal = sparseBuild + greedyS;
        long sparseBytes = in.coverageEntries() * 4 + (long) in.optionCount() * 16;
        System.out.printf("dense matrix (%d × %d bytes = %.1f MB): built in %.3f s, plain greedy %.3f s, covered %.2f; "
                        + "sparse %.2f MB, build + lazy greedy %.4f s%n", candidates.size() * 8, demand.size(),
                dense[2] / 1e6, dense[0], dense[1], dense[3], sparseBytes / 1e6, sparseTotal);
        double timeRatio = (dense[0] + dense[1]) / sparseTotal;
        double memoryRatio = dense[2] / sparseBytes;

        // --- force-wide instance
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heap0 = rt.totalMemory() - rt.freeMemory();
        MonthRange forceRange = MonthRanges.parse(areaMonths);
        List<CrimeRecord> force = folder.read(AreaFilter.anywhere(), forceRange).records();
        MetricProjection forceProjection = new ProjectionService().forArea(FileBacktest.envelope(force));
        List<Candidate> forceCandidates = FileBacktest.candidates(forceProjection, force, 50);
        Demand forceDemand = new DemandBuilder(forceProjection).build(force,
                DemandSpec.predictive(CrimeWeights.priorities(), forceRange));
        t0 = System.nanoTime();
        SitingInstance forceIn = new CoverageBuilder(8).build(forceDemand, spec, forceCandidates, List.of());
        double forceBuild = seconds(t0);
        SitingProblem forceProblem = new SitingProblem(forceIn, new PlanLimit.CameraCount(areaCameras), 0);
        SitingResult forceGreedy = null;
        double[] forceTimes = new double[5];
        for (int i = 0; i < forceTimes.length; i++) {
            forceGreedy = new LazyGreedy().solve(forceProblem);
            forceTimes[i] = forceGreedy.seconds();
        }
        double forceGreedyS = median(Arrays.copyOfRange(forceTimes, 2, forceTimes.length));
        System.gc();
        long heap1 = rt.totalMemory() - rt.freeMemory();
        double memoryMb = (heap1 - heap0) / (1024.0 * 1024);
        System.out.printf("whole force area %s: %d records, %d demand points, %d candidates, %d options, %d entries; "
                        + "coverage built in %.2f s; lazy greedy %d cameras median %.3f s, covered %.1f %%; heap held by "
                        + "records + demand + candidates + coverage %.0f MB%n", areaMonths, force.size(), forceDemand.size(),
                forceCandidates.size(), forceIn.optionCount(), forceIn.coverageEntries(), forceBuild, areaCameras,
                forceGreedyS, 100 * forceGreedy.coveredShare(), memoryMb);
        force = null;

        // --- backtest
        Path boundary = shared.resolve("boundaries/knowsley_E08000011_LAD20_BGC.geojsonl");
        FileBacktest.Outcome backtest = FileBacktest.run(new FileBacktest.Options(shared.resolve("crime"),
                Optional.of(lsoaPrefix), lsoaPrefix.equals("Knowsley ") ? Optional.of(boundary) : Optional.empty(),
                MonthRanges.parse("2018-01..2019-12"), MonthRanges.parse("2020-01..2020-06"), CrimeWeights.priorities(),
                BacktestSettings.standard(spec, cameras, 0), 0, true));

        Machine.bench("planner.greedy_s", greedyS, "s");
        Machine.bench("planner.exact_s", exact.seconds(), "s");
        Machine.bench("planner.gap", exact.gap(), "ratio");
        Machine.bench("planner.greedy_objective", greedy.coveredWeight(), "weight");
        Machine.bench("planner.exact_objective", exact.coveredWeight(), "weight");
        Machine.bench("planner.exact_bound", exact.upperBound(), "weight");
        Machine.bench("planner.occluded_coverage_build_s", occludedBuild, "s");
        Machine.bench("planner.occluded_greedy_s", occludedGreedyS, "s");
        Machine.bench("planner.dense_time_ratio", timeRatio, "x");
        Machine.bench("planner.dense_memory_ratio", memoryRatio, "x");
        Machine.bench("planner.merseyside_greedy_s", forceGreedyS, "s");
        Machine.bench("planner.merseyside_memory_mb", memoryMb, "MB");
        BacktestReportPrinter.print(backtest, true);
        return 0;
    }

    /**
     * Footprints standing in for a town's buildings where the shared data has none: a 12 m × 8 m
     * block every 35 m over the demand's extent (about as many as a borough has buildings).
     */
    private static List<Polygon> syntheticBlocks(Demand demand) {
        double x0 = Arrays.stream(demand.xs()).min().orElse(0);
        double x1 = Arrays.stream(demand.xs()).max().orElse(0);
        double y0 = Arrays.stream(demand.ys()).min().orElse(0);
        double y1 = Arrays.stream(demand.ys()).max().orElse(0);
        GeometryFactory metric = new GeometryFactory();
        List<Polygon> out = new ArrayList<>();
        for (double x = x0; x < x1; x += 35) {
            for (double y = y0 + 10; y < y1; y += 35) {
                out.add(metric.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + 12, y),
                    new Coordinate(x + 12, y + 8), new Coordinate(x, y + 8), new Coordinate(x, y)}));
            }
        }
        return out;
    }

    /** Dense formulation: every option × point tested, then greedy scanning whole rows. {build s, greedy s, bytes, covered}. */
    private static double[] dense(Demand demand, CameraSpec spec, List<Candidate> candidates, int k) {
        int n = demand.size();
        int rows = candidates.size() * 8;
        long t0 = System.nanoTime();
        byte[][] matrix = new byte[rows][n];
        for (int s = 0; s < candidates.size(); s++) {
            for (int a = 0; a < 8; a++) {
                CoverageSector sector = CoverageSector.of(spec, candidates.get(s).at(), 45.0 * a);
                byte[] row = matrix[s * 8 + a];
                for (int p = 0; p < n; p++) {
                    row[p] = sector.contains(demand.x(p), demand.y(p)) ? (byte) 1 : 0;
                }
            }
        }
        double build = seconds(t0);
        t0 = System.nanoTime();
        boolean[] covered = new boolean[n];
        boolean[] siteUsed = new boolean[candidates.size()];
        double[] w = demand.weights();
        double total = 0;
        for (int round = 0; round < k; round++) {
            int best = -1;
            double bestGain = 0;
            for (int r = 0; r < rows; r++) {
                if (siteUsed[r / 8]) {
                    continue;
                }
                byte[] row = matrix[r];
                double g = 0;
                for (int p = 0; p < n; p++) {
                    if (row[p] != 0 && !covered[p]) {
                        g += w[p];
                    }
                }
                if (g > bestGain) {
                    bestGain = g;
                    best = r;
                }
            }
            if (best < 0) {
                break;
            }
            siteUsed[best / 8] = true;
            for (int p = 0; p < n; p++) {
                if (matrix[best][p] != 0) {
                    covered[p] = true;
                }
            }
            total += bestGain;
        }
        double greedy = seconds(t0);
        return new double[] {build, greedy, (double) rows * n, total};
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
