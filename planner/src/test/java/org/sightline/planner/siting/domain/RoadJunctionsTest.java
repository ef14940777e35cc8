package org.sightline.planner.siting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;

class RoadJunctionsTest {

    private static final MetricProjection BNG = new ProjectionService().britishNationalGrid();

    /** A road through grid metres (offsets from 340000, 390000), stored in WGS84 as roads are. */
    private static RoadSegment road(String id, String number, String name, String metresWkt) {
        try {
            LineString metric = (LineString) new WKTReader().read(metresWkt);
            org.locationtech.jts.geom.Coordinate[] cs = metric.getCoordinates();
            org.locationtech.jts.geom.Coordinate[] wgs = new org.locationtech.jts.geom.Coordinate[cs.length];
            for (int i = 0; i < cs.length; i++) {
                var p = BNG.unproject(new GridPoint(340_000 + cs[i].x, 390_000 + cs[i].y));
                wgs[i] = new org.locationtech.jts.geom.Coordinate(p.lonDegrees(), p.latDegrees());
            }
            return new RoadSegment(id, RoadClass.UNCLASSIFIED, number, name, Wgs84.FACTORY.createLineString(wgs),
                    TravelDirection.BOTH);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static GridPoint offset(RoadJunctions.Junction j) {
        return new GridPoint(j.at().eastingMetres() - 340_000, j.at().northingMetres() - 390_000);
    }

    @Test
    void threeLinkEndsMeetingMakeAJunctionAndTwoDoNot() {
        List<RoadSegment> roads = List.of(
                road("a", "A580", "", "LINESTRING (0 0, 100 0)"),
                road("b", "A580", "", "LINESTRING (100 0, 200 0)"),
                road("c", "", "Marl Road", "LINESTRING (100 0, 100 150)"),
                road("d", "", "Marl Road", "LINESTRING (100 150, 100 300)"));
        List<RoadJunctions.Junction> found = new RoadJunctions(BNG).find(roads);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).arms()).isEqualTo(3);
        assertThat(found.get(0).roads()).containsExactly("A580", "Marl Road");
        assertThat(offset(found.get(0)).eastingMetres()).isBetween(99.0, 101.0);
        assertThat(offset(found.get(0)).northingMetres()).isBetween(-1.0, 1.0);
    }

    @Test
    void aWayRunningThroughASharedVertexCountsTwoArms() {
        // OpenStreetMap style: the main road is one way through the junction vertex (50, 0)
        List<RoadSegment> roads = List.of(
                road("main", "", "Station Road", "LINESTRING (0 0, 50 0, 100 0)"),
                road("side", "", "Mill Lane", "LINESTRING (50 0, 50 80)"));
        List<RoadJunctions.Junction> found = new RoadJunctions(BNG).find(roads);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).arms()).isEqualTo(3);
        assertThat(offset(found.get(0)).eastingMetres()).isBetween(49.0, 51.0);
    }

    @Test
    void roadsCrossingWithoutASharedVertexAreABridgeNotAJunction() {
        List<RoadSegment> roads = List.of(
                road("m", "M57", "", "LINESTRING (0 0, 200 0)"),
                road("over", "", "Bridge Road", "LINESTRING (100 -100, 100 100)"));
        assertThat(new RoadJunctions(BNG).find(roads)).isEmpty();
    }

    @Test
    void junctionSitesKeepTheirDistanceFromListedSitesAndFromEachOther() {
        // a roundabout: four nodes of degree 3 about 20 m apart, and a listed site 100 m away
        List<RoadSegment> roads = List.of(
                road("r1", "", "", "LINESTRING (0 0, 20 0)"), road("r2", "", "", "LINESTRING (20 0, 20 20)"),
                road("r3", "", "", "LINESTRING (20 20, 0 20)"), road("r4", "", "", "LINESTRING (0 20, 0 0)"),
                road("w", "", "", "LINESTRING (-50 0, 0 0)"), road("e", "", "", "LINESTRING (20 0, 70 0)"),
                road("n", "", "", "LINESTRING (20 20, 20 70)"), road("s", "", "", "LINESTRING (0 20, 0 -50)"),
                road("far1", "", "", "LINESTRING (300 0, 400 0)"), road("far2", "", "", "LINESTRING (400 0, 500 0)"),
                road("far3", "", "", "LINESTRING (400 0, 400 100)"));
        CandidateGenerator generator = new CandidateGenerator(BNG, 9_000);
        List<Candidate> junctions = generator.junctions(roads);
        assertThat(junctions).hasSize(5);
        assertThat(junctions).allSatisfy(c -> {
            assertThat(c.id()).startsWith("jn-");
            assertThat(c.costGbp()).isEqualTo(9_000);
            assertThat(c.source()).startsWith("road junction");
        });
        GridPoint listedAt = new GridPoint(340_400, 390_010);
        Candidate listed = new Candidate("survey-1", BNG.unproject(listedAt), listedAt, 1, "survey");
        List<Candidate> kept = CandidateGenerator.apartFrom(List.of(listed), junctions, 30);
        assertThat(kept).as("one of the roundabout's nodes; the far junction is within 30 m of the surveyed site")
                .hasSize(1);
        assertThat(CandidateGenerator.apartFrom(List.of(), junctions, 0)).hasSize(5);
    }
}
