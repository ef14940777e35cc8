package org.sightline.ingest.simulator.domain;

import org.sightline.geo.crs.LonLat;

/**
 * A camera of the simulated estate: which unit carries it, where it is, and which road it watches
 * (its nearest arterial, empty for a camera on a local road).
 */
public record RouteCamera(String cameraId, String unitId, LonLat position, String road, double metresAlong) {
}
