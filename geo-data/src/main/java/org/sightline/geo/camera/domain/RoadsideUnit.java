package org.sightline.geo.camera.domain;

import java.util.List;
import java.util.Objects;
import org.sightline.geo.crs.LonLat;

/** A roadside installation (pole, gantry, column) that carries one or more cameras. */
public record RoadsideUnit(UnitId id, String name, LonLat position, EquipmentStatus status, List<CameraId> cameraIds) {

    public RoadsideUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(status, "status");
        name = name == null ? "" : name.strip();
        cameraIds = List.copyOf(cameraIds);
    }
}
