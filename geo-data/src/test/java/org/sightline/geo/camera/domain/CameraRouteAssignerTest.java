package org.sightline.geo.camera.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;

/**
 * A 2 km square borough in British National Grid with an A road entering from the west along
 * northing 400 000; built in grid metres so distances in the test are exact.
 */
class CameraRouteAssignerTest {

    private final ProjectionService projections = new ProjectionService();
    private final MetricProjection bng = projections.britishNationalGrid();

    private Boundary borough() throws Exception {
        var square = new WKTReader().read("POLYGON ((340000 399000, 342000 399000, 342000 401000, 340000 401000, 340000 399000))");
        return new Boundary("SQ", "Square", bng.unproject(square));
    }

    private RoadSegment road(String wkt) throws Exception {
        return new RoadSegment("a1", RoadClass.A_ROAD, "A1", "", (LineString) bng.unproject(new WKTReader().read(wkt)),
                TravelDirection.BOTH);
    }

    private Camera camera(String id, double easting, double northing, double azimuth) {
        LonLat at = bng.unproject(new GridPoint(easting, northing));
        return new Camera(new CameraId(id), Optional.empty(), at, CameraKind.ANPR, Deployment.OVERT, 6,
                new Bearing(azimuth), 30, new Resolution(1920, 1080), EquipmentStatus.ACTIVE);
    }

    @Test
    void cameraNearTheRoadReadsTheTrafficItFaces() throws Exception {
        // the road runs west to east and enters the borough at easting 340000
        var assigner = new CameraRouteAssigner(projections, borough(),
                List.of(road("LINESTRING (338000 400000, 341000 400000)")), 30);
        // 10 m north of the road, looking west (out of the borough): reads vehicles coming in
        RouteAssignment lookingOut = assigner.assign(camera("C1", 340500, 400010, 270));
        assertThat(lookingOut.facing()).isEqualTo(Facing.INBOUND);
        assertThat(lookingOut.segmentId()).contains("a1");
        assertThat(lookingOut.roadNumber()).contains("A1");
        assertThat(lookingOut.distanceMetres().orElseThrow()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(assigner.assign(camera("C2", 340500, 399990, 85)).facing()).isEqualTo(Facing.OUTBOUND);
        // outside the borough the inbound direction along the same road is still eastbound
        assertThat(assigner.assign(camera("C3", 339000, 400000, 265)).facing()).isEqualTo(Facing.INBOUND);
        // looking across the road
        assertThat(assigner.assign(camera("C4", 340500, 400010, 180)).facing()).isEqualTo(Facing.UNDETERMINED);
    }

    @Test
    void cameraBeyondTheToleranceIsOffRoute() throws Exception {
        var assigner = new CameraRouteAssigner(projections, borough(),
                List.of(road("LINESTRING (338000 400000, 341000 400000)")), 30);
        assertThat(assigner.assign(camera("FAR", 340500, 400031, 270))).isEqualTo(RouteAssignment.offRoute(new CameraId("FAR")));
        assertThat(assigner.assign(camera("NEAR", 340500, 400029, 270)).facing()).isEqualTo(Facing.INBOUND);
    }

    @Test
    void roadAlongTheBoundaryGivesNoInboundDirection() throws Exception {
        var assigner = new CameraRouteAssigner(projections, borough(),
                List.of(road("LINESTRING (340000 398000, 340000 402000)")), 30);
        assertThat(assigner.assign(camera("EDGE", 340005, 400000, 0)).facing()).isEqualTo(Facing.UNDETERMINED);
    }
}
