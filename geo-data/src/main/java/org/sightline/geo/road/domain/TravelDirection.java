package org.sightline.geo.road.domain;

/** Which way traffic may use a segment, relative to the order of its vertices. */
public enum TravelDirection {
    BOTH, WITH_GEOMETRY, AGAINST_GEOMETRY
}
