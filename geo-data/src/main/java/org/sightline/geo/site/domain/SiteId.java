package org.sightline.geo.site.domain;

import org.sightline.geo.camera.domain.Identifiers;

/** Identifier of a candidate site. */
public record SiteId(String value) {

    public SiteId {
        Identifiers.require("site id", value);
    }

    @Override
    public String toString() {
        return value;
    }
}
