package org.sightline.geo.crs;

/**
 * A position in Sightline's internal CRS, WGS84 (EPSG:4326), longitude first. Both values are
 * finite and inside their ranges; an invalid position cannot be constructed.
 */
public record LonLat(double lonDegrees, double latDegrees) {

    public LonLat {
        if (!Double.isFinite(lonDegrees) || lonDegrees < -180 || lonDegrees > 180) {
            throw new IllegalArgumentException("longitude must be between -180 and 180 degrees, was " + lonDegrees);
        }
        if (!Double.isFinite(latDegrees) || latDegrees < -90 || latDegrees > 90) {
            throw new IllegalArgumentException("latitude must be between -90 and 90 degrees, was " + latDegrees);
        }
    }

    @Override
    public String toString() {
        return "(" + lonDegrees + ", " + latDegrees + ")";
    }
}
