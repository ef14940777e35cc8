package org.sightline.geo.boundary.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.crs.Wgs84;

class BoundaryTest {

    private final WKTReader wkt = new WKTReader(Wgs84.FACTORY);

    @Test
    void selfIntersectingOutlineIsRefusedWithTheReason() throws Exception {
        // a bow tie: the ring crosses itself at (0.5, 0.5)
        var bowTie = wkt.read("POLYGON ((0 0, 1 1, 1 0, 0 1, 0 0))");
        assertThatThrownBy(() -> new Boundary("X1", "Bow tie", bowTie))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Self-intersection");
    }

    @Test
    void validPolygonKeepsItsCodeAndName() throws Exception {
        Boundary b = new Boundary(" E08000011 ", null, wkt.read("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"));
        assertThat(b.code()).isEqualTo("E08000011");
        assertThat(b.name()).isEqualTo("E08000011");
    }

    @Test
    void linesAreNotBoundaries() throws Exception {
        assertThatThrownBy(() -> new Boundary("L", "line", wkt.read("LINESTRING (0 0, 1 1)")))
                .hasMessageContaining("Polygon or MultiPolygon");
    }
}
