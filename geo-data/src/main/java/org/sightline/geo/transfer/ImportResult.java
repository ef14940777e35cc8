package org.sightline.geo.transfer;

import java.util.List;
import org.sightline.geo.io.ReadSummary;

/**
 * The outcome of one import: what each file gave, and how many rows the database took (new rows,
 * or rows replaced by id; rows already present are not counted) and anything the user should know.
 */
public record ImportResult(List<ReadSummary> files, long stored, List<String> notes) {

    public ImportResult {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    public ImportResult(List<ReadSummary> files, long stored) {
        this(files, stored, List.of());
    }

    public long rowsRead() {
        return files.stream().mapToLong(ReadSummary::rowsRead).sum();
    }

    public long rowsAccepted() {
        return files.stream().mapToLong(ReadSummary::rowsAccepted).sum();
    }

    public long rowsRejected() {
        return files.stream().mapToLong(ReadSummary::rowsRejected).sum();
    }

    public long rowsFiltered() {
        return files.stream().mapToLong(ReadSummary::rowsFiltered).sum();
    }

    /** Whether every file was read to its end. */
    public boolean complete() {
        return files.stream().allMatch(ReadSummary::complete);
    }
}
