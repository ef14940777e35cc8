package org.sightline.geo.crossing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.domain.ArterialRoute;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;

/** Fixtures in British National Grid metres around a 2 km square borough. */
class CrossingFinderTest {

    private final ProjectionService projections = new ProjectionService();
    private final MetricProjection bng = projections.britishNationalGrid();
    private final CrossingFinder finder = new CrossingFinder(projections);

    private Boundary square() throws Exception {
        return new Boundary("SQ", "Square", bng.unproject(new WKTReader().read(
                "POLYGON ((340000 399000, 342000 399000, 342000 401000, 340000 401000, 340000 399000))")));
    }

    private RoadSegment segment(String id, String wkt, TravelDirection direction) throws Exception {
        return new RoadSegment(id, RoadClass.A_ROAD, "A1", "", (LineString) bng.unproject(new WKTReader().read(wkt)), direction);
    }

    @Test
    void segmentEndingOnTheBoundaryIsOneCrossingWithBothSegments() throws Exception {
        var route = new ArterialRoute("A1", "A1 Test Road", List.of(
                segment("west", "LINESTRING (338000 400000, 340000 400000)", TravelDirection.BOTH),
                segment("east", "LINESTRING (340000 400000, 343000 400000)", TravelDirection.BOTH)), false);
        List<BoroughCrossing> found = finder.find(square(), List.of(route));
        assertThat(found).hasSize(2);
        assertThat(found).extracting(c -> Math.round(c.inboundBearing().degrees())).containsExactly(90L, 270L);
        assertThat(found.get(0).segmentIds()).containsExactlyInAnyOrder("west", "east");
        assertThat(found.get(0).routeName()).isEqualTo("A1 Test Road");
        assertThat(bng.project(found.get(0).position()).eastingMetres()).isCloseTo(340000, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void roadTouchingTheBoundaryWithoutEnteringIsNoCrossing() throws Exception {
        var route = new ArterialRoute("A1", "", List.of(
                segment("touch", "LINESTRING (339000 398000, 340000 400000, 339000 402000)", TravelDirection.BOTH)), false);
        assertThat(finder.find(square(), List.of(route))).isEmpty();
    }

    @Test
    void oneWaySegmentsGiveTheFlowAtTheCrossing() throws Exception {
        var inOnly = new ArterialRoute("A1", "", List.of(
                segment("in", "LINESTRING (339000 400000, 341000 400000)", TravelDirection.WITH_GEOMETRY)), false);
        assertThat(finder.find(square(), List.of(inOnly))).singleElement()
                .satisfies(c -> assertThat(c.flow()).isEqualTo(TrafficFlow.INBOUND_ONLY));
        var outOnly = new ArterialRoute("A1", "", List.of(
                segment("out", "LINESTRING (339000 400000, 341000 400000)", TravelDirection.AGAINST_GEOMETRY)), false);
        assertThat(finder.find(square(), List.of(outOnly))).singleElement()
                .satisfies(c -> assertThat(c.flow()).isEqualTo(TrafficFlow.OUTBOUND_ONLY));
    }
}
