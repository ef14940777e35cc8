package org.sightline.geo.io.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.testing.SharedData;

/** The real boundary and OS Open Roads files of ../shared/data. */
class RealGisFilesTest {

    private final FeatureFiles files = new FeatureFiles(new ProjectionService());

    @Test
    void osOpenRoadsMotorwaysKeepClassAndNumber() {
        List<RoadSegment> roads = new ArrayList<>();
        ReadSummary s = files.read(SharedData.require("roads/merseyside_motorways_os_openroads_bbox.geojson"),
                Optional.empty(), Optional.empty(), RoadFeatures.mapper("openroads"), roads::add, ReadListener.NONE);
        assertThat(s.complete()).isTrue();
        assertThat(s.rowsRejected()).isZero();
        assertThat(roads).hasSize(457).allSatisfy(r -> assertThat(r.roadClass()).isEqualTo(RoadClass.MOTORWAY));
        Map<String, Long> byNumber = roads.stream().collect(Collectors.groupingBy(RoadSegment::roadNumber, Collectors.counting()));
        assertThat(byNumber).containsKeys("M53", "M6", "M62", "M58", "M56", "M57", "M61");
        assertThat(ArterialSelection.DEFAULT.routes(roads)).extracting(r -> r.roadNumber()).contains("M57", "M62");
    }

    @Test
    void knowsleyBoundaryAndNeighbouringDistrictsAreValid() {
        List<Boundary> knowsley = new ArrayList<>();
        ReadSummary s = files.read(SharedData.require("boundaries/knowsley_E08000011_LAD20_BGC.geojsonl"), Optional.empty(),
                Optional.empty(), BoundaryFeatures.mapper(Optional.empty(), Optional.empty()), knowsley::add, ReadListener.NONE);
        assertThat(s.complete()).isTrue();
        assertThat(knowsley).singleElement().satisfies(b -> {
            assertThat(b.code()).isEqualTo("E08000011");
            assertThat(b.name()).isEqualTo("Knowsley");
        });
        List<Boundary> districts = new ArrayList<>();
        files.read(SharedData.require("boundaries/merseyside_and_neighbours_ltla16_bsc.geojson"), Optional.empty(),
                Optional.empty(), BoundaryFeatures.mapper(Optional.empty(), Optional.empty()), districts::add, ReadListener.NONE);
        assertThat(districts).hasSize(8).extracting(Boundary::name).contains("Knowsley", "Liverpool", "St. Helens");
    }
}
