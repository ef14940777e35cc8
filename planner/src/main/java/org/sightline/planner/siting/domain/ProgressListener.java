package org.sightline.planner.siting.domain;

/** Hears how far a long computation has got. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores everything. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} steps of {@code total} (-1 when unknown) are finished. Must not throw. */
    void progress(long done, long total);
}
