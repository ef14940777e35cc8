package org.sightline.planner.plan.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.geo.site.domain.SiteId;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.plan.domain.PlanInputs;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.PlanRejected;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.plan.domain.SiteRecommendation;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SiteFilter;
import org.sightline.planner.siting.domain.ProgressListener;

/**
 * Plans made from inputs held in memory: a 4.5 km square with thin background crime with a busy
 * cluster on Marl Road, one surveyed site beside it, and optionally a building between them or a
 * road junction elsewhere.
 */
class PlanRunnerTest {

    private static final MetricProjection BNG = new ProjectionService().britishNationalGrid();
    private static final double E0 = 340_000;
    private static final double N0 = 390_000;
    /** PTZ with a ground range of about 143 m. */
    private static final CameraSpec DISC = new CameraSpec(30, 1920, 1.6, true, DoriLevel.DETECT);

    private final PlanRunner runner = new PlanRunner(new ProjectionService());

    private static LonLat at(double dx, double dy) {
        return BNG.unproject(new GridPoint(E0 + dx, N0 + dy));
    }

    private static Geometry square(double x0, double y0, double x1, double y1) {
        Coordinate[] ring = new Coordinate[5];
        double[][] corners = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
        for (int i = 0; i < 5; i++) {
            LonLat p = at(corners[i][0], corners[i][1]);
            ring[i] = new Coordinate(p.lonDegrees(), p.latDegrees());
        }
        return Wgs84.FACTORY.createPolygon(ring);
    }

    private static void add(List<CrimeRecord> out, double dx, double dy, int n, String type, String location) {
        for (int i = 0; i < n; i++) {
            out.add(new CrimeRecord("", YearMonth.of(2019, 1 + i % 12), "", type, at(dx, dy), location, "E01",
                    "Knowsley 001A", ""));
        }
    }

    private static List<CrimeRecord> crimes() {
        List<CrimeRecord> out = new ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 400; i++) {
            add(out, 100 + r.nextDouble() * 3800, 100 + r.nextDouble() * 3800, 1, "Burglary", "On or near Street " + i);
        }
        add(out, 1000, 1000, 31, "Vehicle crime", "On or near Marl Road");
        add(out, 1030, 1010, 54, "Anti-social behaviour", "On or near Marl Road");
        add(out, 1010, 1040, 20, "Anti-social behaviour", "On or near Parking Area");
        return out;
    }

    private static CandidateSite site(String id, double dx, double dy, SiteConstraint... facts) {
        return new CandidateSite(new SiteId(id), at(dx, dy), 12_000, Set.of(facts), "survey");
    }

    private static PlanInputs inputs(List<CandidateSite> sites) {
        return new PlanInputs(square(0, 0, 4500, 4500), crimes(), List.of(), sites);
    }

    private static PlanRequest request(PlanLimit limit, String months, boolean generate, double spacing) {
        return new PlanRequest("E08000011", MonthRanges.parse(months), CrimeWeights.priorities(), 0, Map.of(), limit,
                DISC, 8, spacing, PlanRequest.Solver.GREEDY, Duration.ofSeconds(10), generate, 15_000, "", SiteFilter.NONE);
    }

    private static PlanRequest filtered(PlanRequest r, SiteFilter filter) {
        return new PlanRequest(r.boundaryCode(), r.months(), r.weights(), r.recencyHalfLifeMonths(),
                r.vulnerabilityByLsoa(), r.limit(), r.camera(), r.azimuths(), r.minSpacingMetres(), r.solver(),
                r.timeLimit(), r.generateCandidates(), r.generatedSiteCostGbp(), r.occlusionLayerId(), filter);
    }

    private static final SiteFilter POLE_AND_POWER_OUTSIDE_CONSERVATION = SiteFilter.parse(List.of("pole", "power"),
            List.of("conservation area"));

    private PlanOutcome plan(PlanInputs inputs) {
        return runner.run(request(new PlanLimit.CameraCount(1), "2019-01..2019-12", false, 0), inputs, ProgressListener.NONE);
    }

    @Test
    void aSiteSaysWhatItCoversWhichShareOfTheHotspotAndItsGain() {
        PlanOutcome o = plan(inputs(List.of(site("beside-marl-road", 1015, 960), site("far-away", 3500, 300))));
        SiteRecommendation s = o.sites().get(0);
        assertThat(s.siteId()).isEqualTo("beside-marl-road");
        assertThat(s.recordsByType()).containsEntry("Vehicle crime", 31).containsEntry("Anti-social behaviour", 74);
        assertThat(s.hotspot()).isEqualTo("Marl Road");
        assertThat(s.hotspotShare()).isBetween(0.5, 1.0);
        assertThat(s.explanation()).contains("74 ASB reports", "31 vehicle crimes", "in 12 months within its sector",
                "of the hotspot around Marl Road", "marginal gain");
        assertThat(o.hotspots()).isNotEmpty();
        assertThat(o.hotspots().get(0).name()).isEqualTo("Marl Road");
        assertThat(o.hotspots().get(0).coveredShare()).isEqualTo(s.hotspotShare());
        assertThat(o.addedRecordsByType()).containsEntry("Vehicle crime", 31);
        assertThat(o.recordsByType()).containsEntry("Burglary", 400).containsEntry("Vehicle crime", 31);
        assertThat(o.occlusionDescription()).contains("open ground");
    }

    @Test
    void aBuildingBetweenTheSiteAndTheHotspotHidesItsCrime() {
        PlanInputs open = inputs(List.of(site("beside-marl-road", 1015, 960)));
        // a 60 m block right north of the site, between it and Marl Road
        Polygon block = (Polygon) square(985, 975, 1045, 990);
        PlanOutcome withBuilding = plan(open.withFootprints(List.of(block), "test block"));
        PlanOutcome without = plan(open);
        int seen = without.sites().get(0).recordsByType().values().stream().mapToInt(Integer::intValue).sum();
        int hidden = withBuilding.sites().isEmpty() ? 0
                : withBuilding.sites().get(0).recordsByType().getOrDefault("Vehicle crime", 0)
                + withBuilding.sites().get(0).recordsByType().getOrDefault("Anti-social behaviour", 0);
        assertThat(seen).isGreaterThanOrEqualTo(105);
        assertThat(hidden).as("Marl Road's records are behind the block").isLessThan(10);
        assertThat(withBuilding.occlusionDescription()).isEqualTo("1 building footprint from test block blocks the view");
    }

    @Test
    void roadJunctionsAreCandidatesBesideTheMapPoints() {
        LonLat a = at(2000, 2500);
        LonLat b = at(2100, 2500);
        LonLat c = at(2200, 2500);
        LonLat d = at(2100, 2600);
        List<RoadSegment> roads = List.of(line("w", a, b), line("e", b, c), line("n", b, d));
        PlanInputs base = inputs(List.of());
        PlanInputs withRoads = new PlanInputs(base.area(), base.crimes(), List.of(), List.of(), roads, List.of(), "");
        PlanRequest generate = request(new PlanLimit.CameraCount(1), "2019-01..2019-12", true, 0);
        int mapPointsOnly = runner.run(generate, base, ProgressListener.NONE).candidates();
        int withJunction = runner.run(generate, withRoads, ProgressListener.NONE).candidates();
        assertThat(withJunction).isEqualTo(mapPointsOnly + 1);
    }

    private static RoadSegment line(String id, LonLat from, LonLat to) {
        return new RoadSegment(id, RoadClass.UNCLASSIFIED, "", "Test Road", Wgs84.FACTORY.createLineString(new Coordinate[] {
            new Coordinate(from.lonDegrees(), from.latDegrees()), new Coordinate(to.lonDegrees(), to.latDegrees())}),
                TravelDirection.BOTH);
    }

    @Test
    void questionsThatCannotBeAnsweredAreRefusedWithTheReason() {
        PlanInputs in = inputs(List.of(site("s", 1015, 960)));
        assertThatThrownBy(() -> runner.run(request(new PlanLimit.CameraCount(1), "2019-01..2019-12", false, 0),
                new PlanInputs(Wgs84.FACTORY.createPolygon(), in.crimes(), List.of(), in.sites()), ProgressListener.NONE))
                .isInstanceOf(PlanRejected.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> runner.run(request(new PlanLimit.CameraCount(1), "2015-01..2015-12", false, 0), in,
                ProgressListener.NONE)).isInstanceOf(PlanRejected.class).hasMessageContaining("no crimes of the chosen types");
        assertThatThrownBy(() -> runner.run(request(new PlanLimit.Budget(5_000), "2019-01..2019-12", false, 0), in,
                ProgressListener.NONE)).isInstanceOf(PlanRejected.class)
                .hasMessageContaining("budget of £5,000 is below the cheapest site's cost (£12,000)");
        assertThatThrownBy(() -> runner.run(request(new PlanLimit.CameraCount(1), "2019-01..2019-12", false, 0),
                inputs(List.of()), ProgressListener.NONE)).isInstanceOf(PlanRejected.class)
                .hasMessageContaining("no candidate sites");
    }

    @Test
    void theSiteFilterDropsSurveyedSitesAndTheNotesSayHowManyAndWhy() {
        PlanInputs in = inputs(List.of(site("beside-marl-road", 1015, 960, SiteConstraint.POLE_AVAILABLE),
                site("in-conservation-area", 1020, 970, SiteConstraint.POLE_AVAILABLE, SiteConstraint.POWER_AVAILABLE,
                        SiteConstraint.CONSERVATION_AREA),
                site("powered-further-off", 1160, 1000, SiteConstraint.POLE_AVAILABLE, SiteConstraint.POWER_AVAILABLE)));
        PlanRequest base = request(new PlanLimit.CameraCount(1), "2019-01..2019-12", false, 0);
        assertThat(runner.run(base, in, ProgressListener.NONE).sites().get(0).siteId()).isNotEqualTo("powered-further-off");

        PlanOutcome o = runner.run(filtered(base, POLE_AND_POWER_OUTSIDE_CONSERVATION), in, ProgressListener.NONE);
        assertThat(o.candidates()).isEqualTo(1);
        assertThat(o.sites()).extracting(SiteRecommendation::siteId).containsExactly("powered-further-off");
        assertThat(o.notes()).contains("2 of 3 surveyed sites dropped by the site filter (with pole and power; "
                + "not in a conservation area): 1 no power, 1 in a conservation area");
        assertThat(o.candidateDescription()).isEqualTo("only surveyed sites with pole and power; not in a conservation area");
        assertThat(o.siteFilter()).isEqualTo(POLE_AND_POWER_OUTSIDE_CONSERVATION);
    }

    @Test
    void generatedSitesAreKeptUnfilteredButNoneIsGeneratedWhereTheSurveySaidNo() {
        // a surveyed site right at Marl Road's map point, without power
        PlanInputs in = inputs(List.of(site("at-marl-road", 1000, 1000, SiteConstraint.POLE_AVAILABLE)));
        PlanRequest generate = request(new PlanLimit.CameraCount(1), "2019-01..2019-12", true, 0);
        PlanOutcome open = runner.run(generate, in, ProgressListener.NONE);
        PlanOutcome powered = runner.run(filtered(generate, SiteFilter.parse(List.of("power"), List.of())), in,
                ProgressListener.NONE);
        // the surveyed site stood for the map point; with it dropped, the map point does not come back
        assertThat(powered.candidates()).isEqualTo(open.candidates() - 1);
        assertThat(powered.sites()).noneSatisfy(s -> assertThat(s.position()).isEqualTo(at(1000, 1000)));
        assertThat(powered.notes()).anySatisfy(n -> assertThat(n).startsWith("the site filter applies to surveyed sites: "
                + String.format(java.util.Locale.ROOT, "%,d", powered.candidates()) + " generated sites"))
                .contains("1 generated site at or beside dropped surveyed sites was left out too");
        assertThat(powered.candidateDescription())
                .isEqualTo("surveyed sites with power; generated sites (map points, road junctions) unfiltered");
        assertThat(open.notes()).noneSatisfy(n -> assertThat(n).contains("site filter"));
    }

    @Test
    void aFilterThatLeavesNoSiteIsRefusedWithWhatItDropped() {
        PlanInputs in = inputs(List.of(site("beside-marl-road", 1015, 960, SiteConstraint.POLE_AVAILABLE)));
        assertThatThrownBy(() -> runner.run(filtered(request(new PlanLimit.CameraCount(1), "2019-01..2019-12", false, 0),
                SiteFilter.parse(List.of("power"), List.of())), in, ProgressListener.NONE))
                .isInstanceOf(PlanRejected.class)
                .hasMessage("no candidate sites in E08000011: 1 of 1 surveyed sites dropped by the site filter "
                        + "(with power): 1 no power; relax the filter or allow generated sites");
    }

    @Test
    void aSiteThatSeesNoCrimeGivesAnEmptyPlanThatSaysWhy() {
        PlanOutcome o = plan(inputs(List.of(site("empty-field", 4400, 4400))));
        assertThat(o.sites()).isEmpty();
        assertThat(o.notes()).anySatisfy(n -> assertThat(n).contains("no new camera adds coverage"));
    }
}
