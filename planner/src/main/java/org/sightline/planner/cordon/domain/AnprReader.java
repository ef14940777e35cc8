package org.sightline.planner.cordon.domain;

import java.util.Objects;
import org.sightline.geo.crs.GridPoint;

/**
 * An existing ANPR camera: where it stands and which way it looks. It reads the plates of vehicles
 * coming towards it, so it sees travel whose bearing is roughly opposite to its azimuth.
 */
public record AnprReader(String id, GridPoint at, double azimuthDegrees) {

    public AnprReader {
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(azimuthDegrees) || azimuthDegrees < 0 || azimuthDegrees >= 360) {
            throw new IllegalArgumentException("azimuth must be in [0, 360), was " + azimuthDegrees);
        }
    }

    /**
     * Whether this camera reads vehicles travelling along {@code travelBearingDegrees} at
     * {@code point}: within {@code reachMetres}, and facing the oncoming traffic within
     * {@code toleranceDegrees}.
     */
    public boolean reads(GridPoint point, double travelBearingDegrees, double reachMetres, double toleranceDegrees) {
        if (at.distanceMetres(point) > reachMetres) {
            return false;
        }
        double facing = (travelBearingDegrees + 180) % 360;
        double d = Math.abs(azimuthDegrees - facing) % 360;
        return (d > 180 ? 360 - d : d) <= toleranceDegrees;
    }
}
