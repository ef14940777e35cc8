package org.sightline.geo.crs;

/** A position in a projected (metric) CRS such as British National Grid or a UTM zone. */
public record GridPoint(double eastingMetres, double northingMetres) {

    public GridPoint {
        if (!Double.isFinite(eastingMetres) || !Double.isFinite(northingMetres)) {
            throw new IllegalArgumentException("grid coordinates must be finite, were "
                    + eastingMetres + ", " + northingMetres);
        }
    }

    /** Straight-line distance in metres to another point of the same grid. */
    public double distanceMetres(GridPoint other) {
        return Math.hypot(eastingMetres - other.eastingMetres, northingMetres - other.northingMetres);
    }
}
