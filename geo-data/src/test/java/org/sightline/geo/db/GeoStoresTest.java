package org.sightline.geo.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.Deployment;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.camera.domain.Resolution;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.geo.site.domain.SiteId;
import org.sightline.testing.TestDatabase;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeoStoresTest implements TestPropertyProvider {

    @Inject
    BoundaryStore boundaries;
    @Inject
    RoadStore roads;
    @Inject
    CameraStore cameras;
    @Inject
    CandidateSiteStore sites;

    private final WKTReader wkt = new WKTReader(Wgs84.FACTORY);

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @org.junit.jupiter.api.BeforeEach
    void emptyTheGeoTables() throws Exception {
        // other test classes load the demo area into this run's database
        try (var c = TestDatabase.get().connect(); var st = c.createStatement()) {
            st.execute("TRUNCATE geo_boundary, geo_road_segment, geo_camera, geo_roadside_unit, geo_candidate_site");
        }
    }

    private LineString line(String text) throws Exception {
        return (LineString) wkt.read(text);
    }

    @Test
    void boundaryReimportReplacesAndBboxSelects() throws Exception {
        Boundary a = new Boundary("T1", "First", wkt.read("POLYGON ((-2.9 53.4, -2.8 53.4, -2.8 53.5, -2.9 53.5, -2.9 53.4))"));
        Boundary b = new Boundary("T2", "Far", wkt.read("POLYGON ((1 51, 1.1 51, 1.1 51.1, 1 51.1, 1 51))"));
        assertThat(boundaries.upsert(List.of(a, b), "test")).isEqualTo(2);
        Boundary renamed = new Boundary("T1", "Renamed", a.area());
        assertThat(boundaries.upsert(List.of(renamed), "test")).isEqualTo(1);
        assertThat(boundaries.list(Optional.of(new BoundingBox(-3, 53, -2.5, 54)))).extracting(Boundary::name)
                .containsExactly("Renamed");
        assertThat(boundaries.find("T2").orElseThrow().area().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(boundaries.find("nope")).isEmpty();
    }

    @Test
    void roadsAreReplacedByIdAndArterialSelectionFiltersInTheDatabase() throws Exception {
        try (RoadStore.Load load = roads.begin("test")) {
            load.accept(new RoadSegment("m1", RoadClass.MOTORWAY, "M62", "", line("LINESTRING (-2.9 53.40, -2.8 53.40)"), TravelDirection.BOTH));
            load.accept(new RoadSegment("b1", RoadClass.B_ROAD, "B5199", "", line("LINESTRING (-2.9 53.41, -2.8 53.41)"), TravelDirection.WITH_GEOMETRY));
            load.accept(new RoadSegment("u1", RoadClass.UNCLASSIFIED, "", "Marl Road", line("LINESTRING (-2.9 53.42, -2.8 53.42)"), TravelDirection.BOTH, true));
            assertThat(load.finish()).isEqualTo(3);
        }
        try (RoadStore.Load again = roads.begin("test")) {
            again.accept(new RoadSegment("m1", RoadClass.MOTORWAY, "M62", "Renamed", line("LINESTRING (-2.9 53.40, -2.8 53.40)"), TravelDirection.BOTH));
            again.finish();
        }
        assertThat(roads.list(Optional.empty(), Optional.empty())).hasSize(3);
        assertThat(roads.list(Optional.empty(), Optional.of(ArterialSelection.DEFAULT))).extracting(RoadSegment::id, RoadSegment::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("m1", "Renamed"));
        var withB = new ArterialSelection(EnumSet.of(RoadClass.MOTORWAY), Set.of("B5199", "Marl Road"));
        List<RoadSegment> selected = roads.list(Optional.empty(), Optional.of(withB));
        assertThat(selected).extracting(RoadSegment::id).containsExactlyInAnyOrder("m1", "b1", "u1");
        assertThat(selected).filteredOn(r -> r.id().equals("u1")).singleElement().satisfies(r -> assertThat(r.approximate()).isTrue());
        assertThat(roads.list(Optional.of(new BoundingBox(-3, 53.405, -2, 53.415)), Optional.empty())).extracting(RoadSegment::id)
                .containsExactly("b1");
    }

    @Test
    void camerasCreateTheirUnitsAndCovertOnesAreHiddenUnlessAsked() {
        Camera overt = new Camera(new CameraId("ANPR-1"), Optional.of(new UnitId("U1")), new LonLat(-2.85, 53.45), CameraKind.ANPR,
                Deployment.OVERT, 6.5, new Bearing(95), 30, new Resolution(1920, 1080), EquipmentStatus.ACTIVE);
        Camera covert = new Camera(new CameraId("ANPR-2"), Optional.of(new UnitId("U1")), new LonLat(-2.85, 53.45), CameraKind.ANPR,
                Deployment.COVERT, 6.5, new Bearing(275), 30, new Resolution(1920, 1080), EquipmentStatus.ACTIVE);
        assertThat(cameras.upsert(List.of(overt, covert), "test")).isEqualTo(2);
        assertThat(cameras.upsert(List.of(overt), "test")).isEqualTo(1);
        assertThat(cameras.list(Optional.empty(), false)).containsExactly(overt);
        assertThat(cameras.list(Optional.empty(), true)).containsExactly(overt, covert);
        assertThat(cameras.listUnits(Optional.empty())).singleElement().satisfies(u -> {
            assertThat(u.id().value()).isEqualTo("U1");
            assertThat(u.cameraIds()).extracting(CameraId::value).containsExactly("ANPR-1", "ANPR-2");
        });
    }

    @Test
    void candidateSitesKeepCostAndConstraints() {
        CandidateSite s = new CandidateSite(new SiteId("S1"), new LonLat(-2.84, 53.44), 1234.5,
                Set.of(SiteConstraint.POLE_AVAILABLE, SiteConstraint.POWER_AVAILABLE), "survey");
        assertThat(sites.upsert(List.of(s, s), "file")).isEqualTo(1);
        assertThat(sites.list(Optional.of(new BoundingBox(-2.85, 53.43, -2.83, 53.45)))).containsExactly(s);
        assertThat(sites.list(Optional.of(new BoundingBox(0, 50, 1, 51)))).isEmpty();
    }
}
