package org.sightline.planner.siting.domain;

import java.util.Objects;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.planner.coverage.domain.CameraSpec;

/** A camera already installed: it stays where it is (locked) and its coverage counts as covered. */
public record ExistingCamera(String id, LonLat position, GridPoint at, double azimuthDegrees, CameraSpec spec) {

    public ExistingCamera {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an existing camera needs an id");
        }
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(spec, "spec");
        if (!Double.isFinite(azimuthDegrees) || azimuthDegrees < 0 || azimuthDegrees >= 360) {
            throw new IllegalArgumentException("azimuth of camera " + id + " must be in [0, 360), was " + azimuthDegrees);
        }
    }
}
