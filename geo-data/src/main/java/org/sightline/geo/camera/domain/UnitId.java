package org.sightline.geo.camera.domain;

/** Identifier of a roadside unit (the box, pole or column carrying one or more cameras). */
public record UnitId(String value) {

    public UnitId {
        Identifiers.require("unit id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
