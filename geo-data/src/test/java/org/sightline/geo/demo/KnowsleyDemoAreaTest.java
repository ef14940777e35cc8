package org.sightline.geo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.CameraRouteAssigner;
import org.sightline.geo.camera.domain.Facing;
import org.sightline.geo.camera.domain.RouteAssignment;
import org.sightline.geo.crossing.domain.BoroughCrossing;
import org.sightline.geo.crossing.domain.CrossingFinder;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.testing.TestDatabase;

/** The packaged Knowsley demo area loads on its own (no shared data) and is internally consistent. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowsleyDemoAreaTest implements TestPropertyProvider {

    @Inject
    DemoAreaLoader loader;
    @Inject
    BoundaryStore boundaries;
    @Inject
    RoadStore roads;
    @Inject
    CameraStore cameras;

    private final ProjectionService projections = new ProjectionService();

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    void demoAreaLoadsTwiceWithoutDuplicatesAndItsAnprCamerasReadInboundTraffic() {
        DemoAreaLoader.Loaded first = loader.load("knowsley");
        assertThat(first.boundaries()).isEqualTo(1);
        assertThat(first.cameras()).isBetween(45L, 60L);
        assertThat(first.sites()).isBetween(100L, 400L);
        loader.load("knowsley");
        List<Camera> all = cameras.list(Optional.empty(), true);
        assertThat(all).hasSize((int) first.cameras());
        List<Camera> anpr = all.stream().filter(c -> c.kind() == CameraKind.ANPR).toList();
        assertThat(anpr).hasSizeBetween(10, 14);

        Boundary knowsley = boundaries.find("E08000011").orElseThrow();
        List<RoadSegment> arterial = roads.list(Optional.empty(), Optional.of(ArterialSelection.DEFAULT));
        List<BoroughCrossing> crossings = new CrossingFinder(projections).find(knowsley, ArterialSelection.DEFAULT.routes(arterial));
        assertThat(crossings).extracting(BoroughCrossing::roadNumber).contains("M57", "M62", "A580", "A57");

        List<RouteAssignment> assigned = new CameraRouteAssigner(projections, knowsley, arterial, 30).assign(anpr);
        assertThat(assigned).allSatisfy(a -> assertThat(a.facing()).as(a.toString()).isEqualTo(Facing.INBOUND));
        // every A road the demo approximates is marked so
        assertThat(arterial).filteredOn(r -> r.roadNumber().startsWith("A")).allSatisfy(r -> assertThat(r.approximate()).isTrue());
        assertThat(arterial).filteredOn(r -> r.roadNumber().startsWith("M")).noneSatisfy(r -> assertThat(r.approximate()).isTrue());
    }

    @Test
    void packagedFilesAreSmallAndCarryTheAttribution() throws IOException {
        for (String name : List.of("boundary", "roads", "crossings", "cameras", "candidate-sites", "crime-points")) {
            try (InputStream in = getClass().getResourceAsStream("/demo/knowsley/" + name + ".geojson")) {
                assertThat(in).as(name).isNotNull();
                byte[] bytes = in.readAllBytes();
                assertThat(bytes.length).as(name).isLessThan(1_000_000);
                assertThat(new String(bytes, 0, 600, java.nio.charset.StandardCharsets.UTF_8))
                        .contains("Open Government Licence v3.0");
            }
        }
    }

    @Test
    void unknownDemoAreaIsRefusedClearly() {
        assertThatThrownBy(() -> loader.load("atlantis")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no demo area 'atlantis' is packaged (try 'knowsley')");
    }
}
