package org.sightline.geo.crossing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.ArterialRoute;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.testing.SharedData;

/** Real data: where the M57 and M62 (OS Open Roads) cross the Knowsley boundary (ONS). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowsleyCrossingsTest {

    private final ProjectionService projections = new ProjectionService();
    private List<BoroughCrossing> crossings;

    @BeforeAll
    void findCrossings() {
        FeatureFiles files = new FeatureFiles(projections);
        List<Boundary> boundaries = new ArrayList<>();
        files.read(SharedData.require("boundaries/knowsley_E08000011_LAD20_BGC.geojsonl"), Optional.empty(), Optional.empty(),
                BoundaryFeatures.mapper(Optional.empty(), Optional.empty()), boundaries::add, ReadListener.NONE);
        List<RoadSegment> roads = new ArrayList<>();
        files.read(SharedData.require("roads/merseyside_motorways_os_openroads_bbox.geojson"), Optional.empty(),
                Optional.empty(), RoadFeatures.mapper("openroads"), roads::add, ReadListener.NONE);
        List<ArterialRoute> routes = ArterialSelection.DEFAULT.routes(roads);
        crossings = new CrossingFinder(projections).find(boundaries.get(0), routes);
        crossings.forEach(c -> System.out.printf("%s crosses %s at %.5f,%.5f inbound %.0f deg (%s) %s segments %s%n",
                c.roadNumber(), c.boundaryCode(), c.position().lonDegrees(), c.position().latDegrees(),
                c.inboundBearing().degrees(), c.inboundCompassPoint(), c.flow(), c.segmentIds()));
    }

    private double metresBetween(BoroughCrossing c, double lon, double lat) {
        var bng = projections.britishNationalGrid();
        return bng.project(c.position()).distanceMetres(bng.project(new org.sightline.geo.crs.LonLat(lon, lat)));
    }

    @Test
    void onlyTheM57AndM62CrossTheKnowsleyBoundary() {
        assertThat(crossings).extracting(BoroughCrossing::roadNumber).containsOnly("M57", "M62");
        assertThat(crossings).allSatisfy(c -> {
            assertThat(c.boundaryCode()).isEqualTo("E08000011");
            assertThat(c.flow()).isEqualTo(TrafficFlow.BOTH_WAYS);
        });
    }

    @Test
    void theM57EntersFromTheNorthWestHeadingSouthEast() {
        List<BoroughCrossing> m57 = crossings.stream().filter(c -> c.roadNumber().equals("M57")).toList();
        // its southern end (Tarbock interchange with the M62) lies inside Knowsley: one crossing only
        assertThat(m57).singleElement().satisfies(c -> {
            assertThat(metresBetween(c, -2.9143, 53.4825)).isLessThan(200);
            assertThat(c.inboundBearing().degrees()).isBetween(110.0, 160.0);
            assertThat(c.inboundCompassPoint()).isEqualTo("SE");
        });
    }

    @Test
    void theM62EntersEastboundFromLiverpoolAndWestboundFromTheEast() {
        List<BoroughCrossing> m62 = crossings.stream().filter(c -> c.roadNumber().equals("M62")).toList();
        assertThat(m62).hasSizeGreaterThanOrEqualTo(2);
        // west side, from Liverpool: inbound is eastbound
        assertThat(m62).filteredOn(c -> c.position().lonDegrees() < -2.85).singleElement().satisfies(c -> {
            assertThat(metresBetween(c, -2.8815, 53.4075)).isLessThan(200);
            assertThat(c.inboundBearing().degrees()).isBetween(60.0, 110.0);
        });
        // east side, towards St Helens and Warrington: the first crossing met westbound is inbound westbound
        assertThat(m62).filteredOn(c -> c.position().lonDegrees() > -2.80).anySatisfy(c -> {
            assertThat(metresBetween(c, -2.7868, 53.4015)).isLessThan(200);
            assertThat(c.inboundBearing().degrees()).isBetween(250.0, 300.0);
        });
        // every crossing the road makes in and out of the boundary alternates in direction
        List<BoroughCrossing> eastern = m62.stream().filter(c -> c.position().lonDegrees() > -2.80)
                .sorted(java.util.Comparator.comparingDouble(c -> c.position().lonDegrees())).toList();
        for (int i = 1; i < eastern.size(); i++) {
            assertThat(eastern.get(i).inboundBearing().differenceDegrees(eastern.get(i - 1).inboundBearing())).isGreaterThan(120);
        }
    }
}
