package org.sightline.geo.crs;

import org.locationtech.jts.geom.Geometry;

/**
 * A projected CRS in metres paired with WGS84: the only way Sightline measures distances, bearings
 * and buffers. Instances are thread-safe.
 */
public interface MetricProjection {

    /** EPSG code of the projected CRS (27700 for British National Grid, 326xx/327xx for UTM). */
    int epsg();

    /** Human-readable name, e.g. "British National Grid (EPSG:27700)". */
    String name();

    /** WGS84 to grid metres. */
    GridPoint project(LonLat position);

    /** Grid metres to WGS84. */
    LonLat unproject(GridPoint point);

    /** A copy of a WGS84 geometry in grid metres; the input is not changed. */
    Geometry project(Geometry wgs84);

    /** A copy of a grid geometry in WGS84; the input is not changed. */
    Geometry unproject(Geometry grid);
}
