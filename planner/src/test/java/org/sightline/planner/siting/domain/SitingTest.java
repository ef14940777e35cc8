package org.sightline.planner.siting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.siting.adapter.ortools.ExactSolver;

class SitingTest {

    private static final MetricProjection BNG = new ProjectionService().britishNationalGrid();
    private static final double E0 = 340_000;
    private static final double N0 = 390_000;
    /** PTZ with a ground range of about 100 m: coverage is a disc, easy to reason about. */
    private static final CameraSpec DISC = new CameraSpec(30, 1920, 1.6, true, DoriLevel.DETECT);

    private static Candidate site(String id, double dx, double dy, double cost) {
        GridPoint g = new GridPoint(E0 + dx, N0 + dy);
        return new Candidate(id, BNG.unproject(g), g, cost, "test");
    }

    private static Demand demand(double[][] xyw) {
        double[] x = new double[xyw.length];
        double[] y = new double[xyw.length];
        double[] w = new double[xyw.length];
        for (int i = 0; i < xyw.length; i++) {
            x[i] = E0 + xyw[i][0];
            y[i] = N0 + xyw[i][1];
            w[i] = xyw[i][2];
        }
        return Demand.weighted(BNG, x, y, w);
    }

    /** Points a(1) b(1.5) c(1.5) d(1) on a line 120 m apart; X covers b,c; Y covers a,b; Z covers c,d. */
    private static SitingInstance greedyTrap() {
        Demand d = demand(new double[][] {{0, 0, 1}, {120, 0, 1.5}, {240, 0, 1.5}, {360, 0, 1}});
        List<Candidate> sites = List.of(site("X", 180, 0, 10), site("Y", 60, 0, 10), site("Z", 300, 0, 10));
        return new CoverageBuilder(8).build(d, DISC, sites, List.of());
    }

    @Test
    void coverageListsThePointsInEachSector() {
        SitingInstance in = greedyTrap();
        assertThat(DISC.groundRangeMetres()).isBetween(61.0, 150.0);
        assertThat(in.optionCount()).isEqualTo(3);
        assertThat(in.optionCovers()[0]).containsExactly(1, 2);
        assertThat(in.optionCovers()[1]).containsExactly(0, 1);
        assertThat(in.optionCovers()[2]).containsExactly(2, 3);
    }

    @Test
    void greedyTakesTheLargestGainFirstAndExactFindsTheOptimum() {
        SitingProblem problem = new SitingProblem(greedyTrap(), new PlanLimit.CameraCount(2), 0);
        SitingResult greedy = new LazyGreedy().solve(problem);
        assertThat(greedy.picks()).extracting(Pick::siteId).first().isEqualTo("X");
        assertThat(greedy.coveredWeight()).isCloseTo(4.0, within(1e-9));
        assertThat(greedy.upperBound()).isGreaterThanOrEqualTo(5.0);
        SitingResult exact = new ExactSolver(ExactSolver.Engine.SCIP, Duration.ofSeconds(10), 0).solve(problem, greedy);
        assertThat(exact.picks()).extracting(Pick::siteId).containsExactlyInAnyOrder("Y", "Z");
        assertThat(exact.coveredWeight()).isCloseTo(5.0, within(1e-9));
        assertThat(exact.gap()).isCloseTo(0, within(1e-6));
        assertThat(exact.picks().get(0).marginalGain()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void existingCamerasAreLockedAndTheirCoverageCountsAsCovered() {
        Demand d = demand(new double[][] {{0, 0, 1}, {120, 0, 1.5}, {240, 0, 1.5}, {360, 0, 1}});
        List<Candidate> sites = List.of(site("X", 180, 0, 10), site("Y", 60, 0, 10), site("Z", 300, 0, 10));
        ExistingCamera existing = new ExistingCamera("cam-1", BNG.unproject(new GridPoint(E0 + 180, N0)),
                new GridPoint(E0 + 180, N0), 0, DISC);
        SitingInstance in = new CoverageBuilder(8).build(d, DISC, sites, List.of(existing));
        assertThat(in.existingWeight()).isCloseTo(3.0, within(1e-9));
        SitingResult r = new LazyGreedy().solve(new SitingProblem(in, new PlanLimit.CameraCount(1), 0));
        assertThat(r.existingWeight()).isCloseTo(3.0, within(1e-9));
        assertThat(r.picks()).hasSize(1);
        assertThat(r.picks().get(0).marginalGain()).isCloseTo(1.0, within(1e-9));
        assertThat(r.coveredWeight()).isCloseTo(4.0, within(1e-9));
    }

    @Test
    void minimumSpacingKeepsChosenSitesApart() {
        // A (0,0) sees only the point south of it, B (30,0) only the point north of it; both lie 30 m apart
        Demand d = demand(new double[][] {{0, -100, 5}, {30, 100, 5}, {500, 0, 1}});
        List<Candidate> sites = List.of(site("A", 0, 0, 1), site("B", 30, 0, 1), site("C", 500, 0, 1));
        SitingInstance in = new CoverageBuilder(8).build(d, new CameraSpec(30, 1920, 1.6, false, DoriLevel.DETECT),
                sites, List.of());
        SitingResult close = new LazyGreedy().solve(new SitingProblem(in, new PlanLimit.CameraCount(2), 0));
        SitingResult apart = new LazyGreedy().solve(new SitingProblem(in, new PlanLimit.CameraCount(2), 50));
        assertThat(close.picks()).extracting(Pick::siteId).containsExactlyInAnyOrder("A", "B");
        assertThat(apart.picks()).extracting(Pick::siteId).contains("C").hasSize(2);
        SitingResult exact = new ExactSolver(ExactSolver.Engine.SCIP, Duration.ofSeconds(10), 0)
                .solve(new SitingProblem(in, new PlanLimit.CameraCount(2), 50), null);
        assertThat(exact.picks()).extracting(Pick::siteId).contains("C").hasSize(2);
    }

    @Test
    void budgetLimitsTheTotalSiteCost() {
        Demand d = demand(new double[][] {{0, 0, 10}, {1000, 0, 6}, {2000, 0, 6}});
        List<Candidate> sites = List.of(site("dear", 0, 0, 100), site("cheap1", 1000, 0, 50), site("cheap2", 2000, 0, 50));
        SitingInstance in = new CoverageBuilder(8).build(d, DISC, sites, List.of());
        SitingProblem problem = new SitingProblem(in, new PlanLimit.Budget(100), 0);
        SitingResult greedy = new LazyGreedy().solve(problem);
        assertThat(greedy.costGbp()).isLessThanOrEqualTo(100);
        assertThat(greedy.coveredWeight()).isCloseTo(12, within(1e-9));
        SitingResult exact = new ExactSolver(ExactSolver.Engine.SCIP, Duration.ofSeconds(10), 0).solve(problem, null);
        assertThat(exact.coveredWeight()).isCloseTo(12, within(1e-9));
        SitingResult none = new LazyGreedy().solve(new SitingProblem(in, new PlanLimit.Budget(10), 0));
        assertThat(none.picks()).isEmpty();
    }

    @Test
    void aBuildingThatBlocksTheBestViewSendsTheCameraElsewhere() throws Exception {
        // X (180, 0) would see b and c; a 20 m block at 220..240 east of it hides c (240, 0) and beyond
        Demand d = demand(new double[][] {{0, 0, 1}, {120, 0, 1.5}, {240, 0, 1.5}, {360, 0, 1}});
        List<Candidate> sites = List.of(site("X", 180, 0, 10), site("Y", 60, 0, 10), site("Z", 300, 0, 10));
        org.locationtech.jts.geom.Polygon block = (org.locationtech.jts.geom.Polygon) new org.locationtech.jts.io.WKTReader()
                .read(String.format(java.util.Locale.ROOT, "POLYGON ((%1$.0f %3$.0f, %2$.0f %3$.0f, %2$.0f %4$.0f, %1$.0f %4$.0f, %1$.0f %3$.0f))",
                        E0 + 200, E0 + 220, N0 - 10, N0 + 10));
        org.sightline.planner.coverage.domain.Occlusion buildings =
                org.sightline.planner.coverage.domain.Occlusion.of(List.of(block));
        SitingInstance open = new CoverageBuilder(8).build(d, DISC, sites, List.of());
        SitingInstance built = new CoverageBuilder(8).build(d, DISC, sites, List.of(), buildings);
        assertThat(open.optionCovers()[0]).containsExactly(1, 2);
        assertThat(built.optionCovers()[0]).as("X no longer sees c behind the block").containsExactly(1);
        SitingResult r = new LazyGreedy().solve(new SitingProblem(built, new PlanLimit.CameraCount(1), 0));
        assertThat(r.picks()).extracting(Pick::siteId).containsExactly("Y");
        assertThat(built.visibleSectorOf(0, new org.locationtech.jts.geom.GeometryFactory()).getArea())
                .isLessThan(open.visibleSectorOf(0, new org.locationtech.jts.geom.GeometryFactory()).getArea());
    }

    @Test
    void existingCamerasSeeNothingBehindABuilding() throws Exception {
        Demand d = demand(new double[][] {{0, 60, 1}, {60, 0, 1}});
        org.locationtech.jts.geom.Polygon block = (org.locationtech.jts.geom.Polygon) new org.locationtech.jts.io.WKTReader()
                .read(String.format(java.util.Locale.ROOT, "POLYGON ((%1$.0f %3$.0f, %2$.0f %3$.0f, %2$.0f %4$.0f, %1$.0f %4$.0f, %1$.0f %3$.0f))",
                        E0 - 10, E0 + 10, N0 + 20, N0 + 40));
        ExistingCamera cam = new ExistingCamera("cam-1", BNG.unproject(new GridPoint(E0, N0)), new GridPoint(E0, N0), 0, DISC);
        SitingInstance in = new CoverageBuilder(8).build(d, DISC, List.of(), List.of(cam),
                org.sightline.planner.coverage.domain.Occlusion.of(List.of(block)));
        assertThat(in.coveredByExisting()).containsExactly(false, true);
    }

    @Test
    void lazyGreedyMatchesPlainGreedyOnARandomInstance() {
        Random random = new Random(42);
        double[][] pts = new double[400][];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = new double[] {random.nextDouble() * 2000, random.nextDouble() * 2000, 1 + random.nextInt(5)};
        }
        List<Candidate> sites = new ArrayList<>();
        for (int s = 0; s < 150; s++) {
            sites.add(site("s" + s, random.nextDouble() * 2000, random.nextDouble() * 2000, 1));
        }
        SitingInstance in = new CoverageBuilder(8).build(demand(pts), CameraSpec.typicalFixed(), sites, List.of());
        SitingResult lazy = new LazyGreedy().solve(new SitingProblem(in, new PlanLimit.CameraCount(10), 0));
        // plain greedy: recompute every option's gain each round
        boolean[] covered = new boolean[400];
        boolean[] used = new boolean[sites.size()];
        double total = 0;
        for (int round = 0; round < 10; round++) {
            int best = -1;
            double bestGain = 0;
            for (int o = 0; o < in.optionCount(); o++) {
                double g = used[in.optionSite()[o]] ? 0 : LazyGreedy.gain(in.optionCovers()[o], covered, in.demand().weights());
                if (g > bestGain) {
                    bestGain = g;
                    best = o;
                }
            }
            used[in.optionSite()[best]] = true;
            for (int p : in.optionCovers()[best]) {
                covered[p] = true;
            }
            total += bestGain;
        }
        assertThat(lazy.coveredWeight()).isCloseTo(total, within(1e-9));
        assertThat(lazy.upperBound()).isGreaterThanOrEqualTo(lazy.coveredWeight());
    }
}
