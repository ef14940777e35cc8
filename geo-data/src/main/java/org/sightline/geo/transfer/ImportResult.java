package org.sightline.geo.transfer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.sightline.geo.io.ReadSummary;

/**
 * The outcome of one import: what each file gave, and how many rows the database took (new rows,
 * or rows replaced by id; rows already present are not counted), anything the user should know,
 * and how long its phases took (empty for imports that do not time them).
 */
public record ImportResult(List<ReadSummary> files, long stored, List<String> notes, List<Phase> phases) {

    public ImportResult {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
        phases = List.copyOf(phases);
    }

    public ImportResult(List<ReadSummary> files, long stored, List<String> notes) {
        this(files, stored, notes, List.of());
    }

    public ImportResult(List<ReadSummary> files, long stored) {
        this(files, stored, List.of());
    }

    /** One timed step of an import, e.g. streaming the rows or building indexes. */
    public record Phase(String name, Duration took) {
        public Phase {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(took, "took");
        }
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
