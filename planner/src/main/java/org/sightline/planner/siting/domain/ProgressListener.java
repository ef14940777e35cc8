package org.sightline.planner.siting.domain;

/** Hears how far a long computation has got. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} steps of {@code total} (-1 when unknown) are finished. Must not throw. */
    void progress(long done, long total);

    /** A new phase of the work has started, e.g. "building coverage". Must not throw. */
    default void phase(String description) {
    }
}
