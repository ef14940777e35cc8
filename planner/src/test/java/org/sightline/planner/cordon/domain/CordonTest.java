package org.sightline.planner.cordon.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.planner.cordon.adapter.ortools.CordonSolver;

class CordonTest {

    private static CordonCrossing crossing(String id, RoadClass cls, double x, double y, double inbound) {
        return new CordonCrossing(id, id, id, cls, new LonLat(-2.8, 53.4), new GridPoint(x, y), inbound, true, true);
    }

    /**
     * Four crossings: M1 at (0,0) read inbound by an existing camera, A1 and A2 40 m apart (one site
     * closes both), B1 far away.
     */
    private static CordonProblem problem() {
        List<CordonCrossing> crossings = List.of(
                crossing("M1", RoadClass.MOTORWAY, 0, 0, 90),
                crossing("A1", RoadClass.A_ROAD, 5000, 0, 0),
                crossing("A2", RoadClass.A_ROAD, 5040, 0, 0),
                crossing("B1", RoadClass.B_ROAD, 0, 8000, 180));
        // inbound travel at M1 goes east (90°): a camera looking west (270°) reads it
        List<AnprReader> readers = List.of(new AnprReader("anpr-1", new GridPoint(60, 0), 270));
        return new CordonProblem(crossings, readers, CordonSettings.defaults());
    }

    @Test
    void existingCameraReadsOnlyTheDirectionItFaces() {
        CordonProblem p = problem();
        assertThat(p.coveredByExisting()).hasSize(1);
        assertThat(p.coveredByExisting().get(0).way()).isEqualTo(CordonCrossing.Way.INBOUND);
        assertThat(p.demands()).hasSize(7);
    }

    @Test
    void fewestSitesCloseEveryDirectionAndShareASiteBetweenNearbyCrossings() {
        CordonPlan plan = new CordonSolver(5000).fewestSites(problem());
        assertThat(plan.proven()).isTrue();
        assertThat(plan.sites()).hasSize(3);
        assertThat(plan.uncovered()).isEmpty();
        assertThat(plan.sites().stream().mapToInt(s -> s.closes().size()).sum()).isEqualTo(7);
        assertThat(CordonGreedy.solve(problem(), Double.POSITIVE_INFINITY, false)).hasSize(3);
    }

    @Test
    void budgetVariantPrefersHeavierRoadsAndListsWhatStaysOpen() {
        CordonPlan plan = new CordonSolver(5000).withinBudget(problem(), 50_000);
        assertThat(plan.sites()).hasSize(2);
        assertThat(plan.sites()).extracting(s -> s.at().roadClass()).doesNotContain(RoadClass.B_ROAD);
        assertThat(plan.uncovered()).extracting(g -> g.crossing().id()).containsExactlyInAnyOrder("B1", "B1");
        assertThat(plan.uncovered().get(0).note()).contains("no camera reads");
    }
}
