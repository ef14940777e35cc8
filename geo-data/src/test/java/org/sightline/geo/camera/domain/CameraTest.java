package org.sightline.geo.camera.domain;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.LonLat;

class CameraTest {

    @Test
    void impossibleValuesCannotBeConstructed() {
        assertThatThrownBy(() -> new CameraId("has space")).hasMessageContaining("camera id");
        assertThatThrownBy(() -> new Bearing(360)).hasMessageContaining("[0, 360)");
        assertThatThrownBy(() -> Resolution.parse("1920by1080")).hasMessageContaining("1920x1080");
        assertThatThrownBy(() -> new Camera(new CameraId("C1"), Optional.empty(), new LonLat(-2.8, 53.4),
                CameraKind.ANPR, Deployment.OVERT, 0, new Bearing(10), 30, new Resolution(1920, 1080),
                EquipmentStatus.ACTIVE)).hasMessageContaining("mount height");
        assertThatThrownBy(() -> new Camera(new CameraId("C1"), Optional.empty(), new LonLat(-2.8, 53.4),
                CameraKind.ANPR, Deployment.OVERT, 6, new Bearing(10), 400, new Resolution(1920, 1080),
                EquipmentStatus.ACTIVE)).hasMessageContaining("field of view");
    }
}
