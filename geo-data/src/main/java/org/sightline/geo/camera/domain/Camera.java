package org.sightline.geo.camera.domain;

import java.util.Objects;
import java.util.Optional;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.LonLat;

/**
 * A fixed camera: where it is, what it is, which way it looks. {@code azimuth} is the centre of
 * its view, clockwise from grid north; {@code horizontalFovDegrees} the full horizontal angle of
 * view. A camera may stand alone or belong to a roadside unit.
 */
public record Camera(
        CameraId id,
        Optional<UnitId> unitId,
        LonLat position,
        CameraKind kind,
        Deployment deployment,
        double mountHeightMetres,
        Bearing azimuth,
        double horizontalFovDegrees,
        Resolution resolution,
        EquipmentStatus status) {

    public Camera {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(azimuth, "azimuth");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(status, "status");
        if (!Double.isFinite(mountHeightMetres) || mountHeightMetres <= 0 || mountHeightMetres > 50) {
            throw new IllegalArgumentException("mount height must be in (0, 50] metres, was " + mountHeightMetres);
        }
        if (!Double.isFinite(horizontalFovDegrees) || horizontalFovDegrees <= 0 || horizontalFovDegrees > 360) {
            throw new IllegalArgumentException("horizontal field of view must be in (0, 360] degrees, was "
                    + horizontalFovDegrees);
        }
    }
}
