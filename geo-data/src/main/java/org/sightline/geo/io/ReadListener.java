package org.sightline.geo.io;

/** Receives every row problem and progress while a file is read. Both methods default to doing nothing. */
public interface ReadListener {

    /** A listener that ignores everything. */
    ReadListener NONE = new ReadListener() {
    };

    /** A row (or the file) could not be loaded. */
    default void problem(RowProblem problem) {
    }

    /** {@code bytesRead} of {@code totalBytes} (-1 if unknown) of the file have been consumed. */
    default void progress(long bytesRead, long totalBytes) {
    }
}
