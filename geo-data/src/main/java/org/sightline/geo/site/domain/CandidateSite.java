package org.sightline.geo.site.domain;

import java.util.Objects;
import java.util.Set;
import org.sightline.geo.crs.LonLat;

/**
 * A place where a camera could be installed, with its installation cost in pounds sterling and
 * practical constraints. {@code source} says where the site came from (survey, derived, ...).
 */
public record CandidateSite(SiteId id, LonLat position, double costGbp, Set<SiteConstraint> constraints, String source) {

    public CandidateSite {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(position, "position");
        if (!Double.isFinite(costGbp) || costGbp < 0 || costGbp > 10_000_000) {
            throw new IllegalArgumentException("cost must be 0..10,000,000 GBP, was " + costGbp);
        }
        constraints = Set.copyOf(constraints);
        source = source == null ? "" : source.strip();
    }
}
