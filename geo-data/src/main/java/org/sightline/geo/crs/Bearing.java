package org.sightline.geo.crs;

/**
 * A compass direction in degrees clockwise from grid north, in [0, 360). Build one from any angle
 * with {@link #normalised(double)}.
 */
public record Bearing(double degrees) {

    public Bearing {
        if (!Double.isFinite(degrees) || degrees < 0 || degrees >= 360) {
            throw new IllegalArgumentException("bearing must be in [0, 360) degrees, was " + degrees);
        }
    }

    /** The bearing equivalent to any finite angle in degrees. */
    public static Bearing normalised(double degrees) {
        if (!Double.isFinite(degrees)) {
            throw new IllegalArgumentException("bearing must be finite, was " + degrees);
        }
        double d = degrees % 360.0;
        if (d < 0) {
            d += 360.0;
        }
        return new Bearing(d >= 360.0 ? 0.0 : d);
    }

    /** The bearing from one grid point to another. */
    public static Bearing between(GridPoint from, GridPoint to) {
        double dx = to.eastingMetres() - from.eastingMetres();
        double dy = to.northingMetres() - from.northingMetres();
        if (dx == 0 && dy == 0) {
            throw new IllegalArgumentException("bearing between identical points is undefined: " + from);
        }
        return normalised(Math.toDegrees(Math.atan2(dx, dy)));
    }

    /** The opposite direction. */
    public Bearing reversed() {
        return normalised(degrees + 180);
    }

    /** The smallest angle in degrees (0..180) between this bearing and another. */
    public double differenceDegrees(Bearing other) {
        double d = Math.abs(degrees - other.degrees) % 360.0;
        return d > 180 ? 360 - d : d;
    }
}
