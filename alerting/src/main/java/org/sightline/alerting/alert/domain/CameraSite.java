package org.sightline.alerting.alert.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What alerting needs to know about the camera that read a plate.
 *
 * @param cameraId the camera
 * @param route the arterial route it watches, e.g. "A580 East Lancashire Road" (empty when off route)
 * @param direction which traffic it reads relative to the borough
 * @param lon camera longitude (WGS84)
 * @param lat camera latitude (WGS84)
 */
public record CameraSite(String cameraId, Optional<String> route, Direction direction, double lon, double lat) {

    /** Traffic direction relative to the borough. */
    public enum Direction {
        INBOUND, OUTBOUND, UNDETERMINED
    }

    public CameraSite {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(direction, "direction");
    }

    /** True when the camera watches an arterial route. */
    public boolean arterial() {
        return route.isPresent();
    }

    /** Operator-facing place, e.g. "A580 East Lancashire Road, inbound", or "camera KN-3 (off the arterial routes)". */
    public String describe() {
        if (route.isEmpty()) {
            return "camera " + cameraId + " (off the arterial routes)";
        }
        return switch (direction) {
            case INBOUND -> route.get() + ", inbound";
            case OUTBOUND -> route.get() + ", outbound";
            case UNDETERMINED -> route.get() + ", direction unknown";
        };
    }
}
