package org.sightline.geo.camera.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The arterial segment a camera watches, how far it stands from it and which traffic it reads.
 * Off-route cameras have no segment, road number or distance.
 */
public record RouteAssignment(CameraId cameraId, Optional<String> segmentId, Optional<String> roadNumber,
                              Optional<Double> distanceMetres, Facing facing) {

    public RouteAssignment {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(facing, "facing");
        if ((facing == Facing.OFF_ROUTE) != segmentId.isEmpty()) {
            throw new IllegalArgumentException("a camera has a segment exactly when it is on a route");
        }
    }

    public static RouteAssignment offRoute(CameraId id) {
        return new RouteAssignment(id, Optional.empty(), Optional.empty(), Optional.empty(), Facing.OFF_ROUTE);
    }
}
