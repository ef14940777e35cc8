package org.sightline.geo.crossing.domain;

/** Which way traffic may pass a crossing point, relative to the borough. */
public enum TrafficFlow {
    BOTH_WAYS, INBOUND_ONLY, OUTBOUND_ONLY
}
