package org.sightline.geo.camera.domain;

/** Identifier of a camera, unique within a deployment (see {@link Identifiers}). */
public record CameraId(String value) {

    public CameraId {
        Identifiers.require("camera id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
