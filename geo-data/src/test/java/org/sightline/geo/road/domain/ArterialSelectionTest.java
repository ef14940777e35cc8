package org.sightline.geo.road.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.crs.Wgs84;

class ArterialSelectionTest {

    private static LineString line(String wkt) {
        try {
            return (LineString) new WKTReader(Wgs84.FACTORY).read(wkt);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final RoadSegment m62 = new RoadSegment("1", RoadClass.MOTORWAY, "M62", "", line("LINESTRING (0 0, 1 0)"), TravelDirection.BOTH);
    private final RoadSegment a580 = new RoadSegment("2", RoadClass.A_ROAD, "a 580", "East Lancashire Road", line("LINESTRING (0 1, 1 1)"), TravelDirection.BOTH);
    private final RoadSegment b5199 = new RoadSegment("3", RoadClass.B_ROAD, "B5199", "", line("LINESTRING (0 2, 1 2)"), TravelDirection.BOTH);

    @Test
    void defaultSelectionKeepsMotorwaysAndARoads() {
        List<ArterialRoute> routes = ArterialSelection.DEFAULT.routes(List.of(m62, a580, b5199));
        assertThat(routes).extracting(ArterialRoute::roadNumber).containsExactly("A580", "M62");
        assertThat(routes.get(0).name()).isEqualTo("A580 East Lancashire Road");
    }

    @Test
    void aBRoadCanBeAddedByNumber() {
        var selection = new ArterialSelection(EnumSet.of(RoadClass.MOTORWAY), Set.of("b5199"));
        assertThat(selection.isArterial(b5199)).isTrue();
        assertThat(selection.isArterial(a580)).isFalse();
    }

    @Test
    void osAndOsmClassNamesAreUnderstood() {
        assertThat(RoadClass.find("A Road")).contains(RoadClass.A_ROAD);
        assertThat(RoadClass.find("trunk")).contains(RoadClass.A_ROAD);
        assertThat(RoadClass.find("Motorway")).contains(RoadClass.MOTORWAY);
        assertThat(RoadClass.find("footway")).isEmpty();
    }
}
