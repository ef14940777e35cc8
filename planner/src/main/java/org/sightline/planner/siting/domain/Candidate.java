package org.sightline.planner.siting.domain;

import java.util.Objects;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;

/**
 * A place where a new camera could go: its id, WGS84 position, the same position in the plan's
 * metric CRS, installation cost in pounds and where the site came from ("survey", "map point",
 * "grid", ...).
 */
public record Candidate(String id, LonLat position, GridPoint at, double costGbp, String source) {

    public Candidate {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a candidate site needs an id");
        }
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(at, "at");
        if (!Double.isFinite(costGbp) || costGbp < 0) {
            throw new IllegalArgumentException("cost of site " + id + " must be >= 0 GBP, was " + costGbp);
        }
        source = source == null ? "" : source;
    }
}
