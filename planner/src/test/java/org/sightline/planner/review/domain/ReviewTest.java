package org.sightline.planner.review.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.ExistingCamera;
import org.sightline.planner.siting.domain.SitingInstance;

class ReviewTest {

    private static final MetricProjection BNG = new ProjectionService().britishNationalGrid();
    /** All-round camera reaching about 140 m. */
    private static final CameraSpec DISC = new CameraSpec(30, 1920, 1.6, true, DoriLevel.DETECT);
    private static final double E0 = 340_000;
    private static final double N0 = 390_000;

    private static GridPoint at(double dx, double dy) {
        return new GridPoint(E0 + dx, N0 + dy);
    }

    private static ExistingCamera camera(String id, double dx, double dy) {
        return new ExistingCamera(id, BNG.unproject(at(dx, dy)), at(dx, dy), 0, DISC);
    }

    /** Busy point at 0,0 (10); quiet point at 1000,0 (1); hot uncovered point at 3000,0 (20). */
    private static SitingInstance instance(List<ExistingCamera> estate) {
        Demand d = Demand.weighted(BNG, new double[] {E0, E0 + 1000, E0 + 3000}, new double[] {N0, N0, N0},
                new double[] {10, 1, 20});
        List<Candidate> sites = List.of(new Candidate("hot", BNG.unproject(at(3000, 10)), at(3000, 10), 0, "test"));
        return new CoverageBuilder(8).build(d, DISC, sites, estate);
    }

    @Test
    void reviewFindsRedundantAndQuietCamerasAndTheBestMove() {
        List<ExistingCamera> estate = List.of(camera("A", 0, 0), camera("C", 20, 0), camera("B", 1000, 0));
        EstateReview.Result r = new EstateReview().review(instance(estate), 0.5, 2);
        EstateReview.CameraValue c = r.cameras().stream().filter(v -> v.camera().id().equals("C")).findFirst().orElseThrow();
        assertThat(c.coveredWeight()).isCloseTo(10, within(1e-9));
        assertThat(c.marginalWeight()).isZero();   // A covers the same point
        EstateReview.CameraValue b = r.cameras().stream().filter(v -> v.camera().id().equals("B")).findFirst().orElseThrow();
        assertThat(b.quiet()).isTrue();
        assertThat(r.moves()).isNotEmpty();
        assertThat(r.moves().get(0).siteId()).isEqualTo("hot");
        assertThat(r.moves().get(0).gain()).isCloseTo(20, within(1e-9));
    }

    @Test
    void rapidDeploymentSendsTheIdleCameraToTheHotspotAndKeepsTheOneInPlace() {
        SitingInstance in = instance(List.of());
        List<RapidDeployment.Deployed> cameras = List.of(
                new RapidDeployment.Deployed("R1", at(0, 0), 0),       // already on the busy point
                new RapidDeployment.Deployed("R2", at(1000, 0), 0));   // on the quiet point
        Demand d = in.demand();
        List<Candidate> sites = List.of(
                new Candidate("busy", BNG.unproject(at(0, 5)), at(0, 5), 0, "test"),
                new Candidate("hot", BNG.unproject(at(3000, 10)), at(3000, 10), 0, "test"));
        SitingInstance withSites = new CoverageBuilder(8).build(d, DISC, sites, List.of());
        RapidDeployment.Result r = new RapidDeployment().recommend(withSites, cameras, 0, 50);
        RapidDeployment.Instruction move = r.instructions().get(0);
        assertThat(move.camera().id()).isEqualTo("R2");
        assertThat(move.stay()).isFalse();
        assertThat(move.siteId()).isEqualTo("hot");
        assertThat(move.gain()).isCloseTo(19, within(1e-9));
        assertThat(r.instructions().get(1).stay()).isTrue();
    }
}
