package org.sightline.alerting.match.domain;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sightline.alerting.hotlist.domain.HotlistEntry;

/**
 * A hotlist entry that a read matched, and why.
 *
 * @param entry the entry
 * @param grade how close
 * @param reading the reading that matched (the primary or an alternative)
 * @param alternative true when it was one of the unit's alternative readings
 * @param edits the differences accepted, in plate order (empty for an exact match)
 */
public record Match(HotlistEntry entry, MatchGrade grade, PlateReading reading, boolean alternative, List<Edit> edits) {

    public Match {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(reading, "reading");
        edits = List.copyOf(edits);
    }

    /**
     * Operator-facing reason, e.g. {@code exact}, {@code fuzzy: O→0 at position 3 (only digits
     * there)}, or {@code alternative reading AB10CDE (0.41): exact}.
     */
    public String explanation() {
        String core = edits.isEmpty() ? "exact"
                : "fuzzy: " + edits.stream().map(Edit::describe).collect(Collectors.joining("; "));
        if (alternative) {
            return String.format(java.util.Locale.ROOT, "alternative reading %s (%.2f): %s",
                    reading.plate(), reading.confidence(), core);
        }
        return core;
    }

    /** True when this match is better than the other for the same entry. */
    boolean betterThan(Match other) {
        if (grade != other.grade) {
            return grade.ordinal() < other.grade.ordinal();
        }
        if (alternative != other.alternative) {
            return !alternative;
        }
        return edits.size() < other.edits.size();
    }
}
