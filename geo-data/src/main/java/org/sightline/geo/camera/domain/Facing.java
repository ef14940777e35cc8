package org.sightline.geo.camera.domain;

/**
 * Which traffic a camera on an arterial route reads, relative to the borough. Cameras read the
 * front plates of approaching vehicles, so a camera looking out along the road (towards the
 * boundary) reads INBOUND traffic and one looking in reads OUTBOUND traffic.
 */
public enum Facing {
    /** Reads vehicles travelling into the borough. */
    INBOUND,
    /** Reads vehicles travelling out of the borough. */
    OUTBOUND,
    /** On a route, but looking across it or along a road that runs parallel to the boundary. */
    UNDETERMINED,
    /** No arterial segment within the tolerance. */
    OFF_ROUTE
}
