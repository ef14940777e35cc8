package org.sightline.geo.io;

/**
 * Why one row (or feature) of an input file was not loaded. {@code line} is the 1-based line of a
 * text file or the 1-based feature number of a GeoJSON/GeoPackage layer; 0 means the whole file.
 */
public record RowProblem(String source, long line, String reason) {

    public RowProblem {
        source = source == null ? "" : source;
        reason = reason == null || reason.isBlank() ? "unknown problem" : reason;
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line + ": " + reason : source + ": " + reason;
    }
}
