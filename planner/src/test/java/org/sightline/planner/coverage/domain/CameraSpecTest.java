package org.sightline.planner.coverage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.sightline.geo.crs.GridPoint;

class CameraSpecTest {

    @Test
    void doriRangeFollowsEn62676Formula() {
        // d = W / (2 · ppm · tan(HFOV/2)) = 1920 / (2 · 62.5 · tan 30°) = 26.60 m
        CameraSpec spec = new CameraSpec(60, 1920, 1.6, false, DoriLevel.OBSERVE);
        assertThat(spec.doriRangeMetres()).isCloseTo(26.6043, within(0.001));
        assertThat(spec.groundRangeMetres()).isCloseTo(26.6043, within(0.001));
        assertThat(new CameraSpec(60, 1920, 1.6, false, DoriLevel.IDENTIFY).doriRangeMetres())
                .isCloseTo(26.6043 / 4, within(0.001));
        assertThat(new CameraSpec(60, 1920, 1.6, false, DoriLevel.DETECT).doriRangeMetres())
                .isCloseTo(26.6043 * 2.5, within(0.001));
    }

    @Test
    void mountHeightShortensTheGroundRange() {
        CameraSpec high = new CameraSpec(60, 1920, 21.6, false, DoriLevel.OBSERVE);
        assertThat(high.groundRangeMetres()).isCloseTo(Math.sqrt(26.6043 * 26.6043 - 400), within(0.01));
        assertThat(new CameraSpec(60, 1920, 40, false, DoriLevel.OBSERVE).groundRangeMetres()).isZero();
    }

    @Test
    void fixedCameraFieldOfViewMustBeBetweenZeroAnd360() {
        assertThatThrownBy(() -> new CameraSpec(0, 1920, 6, false, DoriLevel.DETECT))
                .hasMessageContaining("field of view");
        assertThatThrownBy(() -> new CameraSpec(360, 1920, 6, false, DoriLevel.DETECT))
                .hasMessageContaining("fixed camera");
        assertThatThrownBy(() -> new CameraSpec(-5, 1920, 6, false, DoriLevel.DETECT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ptzCoversAllRound() {
        CameraSpec ptz = new CameraSpec(10, 1920, 6, true, DoriLevel.OBSERVE);
        CoverageSector s = CoverageSector.of(ptz, new GridPoint(0, 0), 0);
        double r = ptz.groundRangeMetres() - 1;
        assertThat(s.contains(0, -r)).isTrue();
        assertThat(s.contains(r, 0)).isTrue();
        assertThat(s.contains(0, -r - 2)).isFalse();
    }

    @Test
    void sectorContainsPointsInsideItsAngleOnly() {
        CoverageSector east = new CoverageSector(new GridPoint(1000, 1000), 90, 60, 100);
        assertThat(east.contains(1050, 1000)).isTrue();
        assertThat(east.contains(1050, 1028)).isTrue();   // 29.2° off axis
        assertThat(east.contains(1050, 1030)).isFalse();  // 31° off axis
        assertThat(east.contains(950, 1000)).isFalse();   // behind
        assertThat(east.contains(1101, 1000)).isFalse();  // too far
        assertThat(east.contains(1000, 1000)).isTrue();   // the mast itself
        CoverageSector north = new CoverageSector(new GridPoint(0, 0), 350, 40, 100);
        assertThat(north.contains(5, 50)).isTrue();       // across 0°
        assertThat(north.contains(-30, 50)).isFalse();
    }

    @Test
    void sectorPolygonHasTheSectorArea() {
        CoverageSector s = new CoverageSector(new GridPoint(0, 0), 45, 90, 100);
        double area = s.toPolygon(new org.locationtech.jts.geom.GeometryFactory()).getArea();
        assertThat(area).isCloseTo(s.areaSquareMetres(), within(s.areaSquareMetres() * 0.01));
    }
}
