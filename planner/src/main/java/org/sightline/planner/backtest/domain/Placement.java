package org.sightline.planner.backtest.domain;

import org.sightline.geo.crs.GridPoint;

/** A camera placed for scoring: where it stands (metric CRS) and which way it looks. */
public record Placement(GridPoint at, double azimuthDegrees) {
}
