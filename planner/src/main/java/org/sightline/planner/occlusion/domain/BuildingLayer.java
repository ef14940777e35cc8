package org.sightline.planner.occlusion.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A stored layer of building footprints that plans may use to block cameras' views: its id, the
 * name it was given (usually the file's), how many footprints it holds, who stored it and when.
 */
public record BuildingLayer(UUID id, String name, int footprints, String createdBy, Instant createdAt) {

    public BuildingLayer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name == null ? "" : name;
        createdBy = createdBy == null ? "" : createdBy;
        if (footprints < 1) {
            throw new IllegalArgumentException("a building layer holds at least one footprint, was " + footprints);
        }
    }

    /** "layer 'OS buildings Knowsley.gpkg' (71,204 footprints)". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "layer '%s' (%,d footprint%s)", name, footprints,
                footprints == 1 ? "" : "s");
    }
}
