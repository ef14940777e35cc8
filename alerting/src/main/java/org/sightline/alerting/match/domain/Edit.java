package org.sightline.alerting.match.domain;

import java.util.Objects;

/**
 * One difference between a reading and a hotlist plate, as the matcher accepted it.
 *
 * @param kind what kind of difference
 * @param position 1-based position in the hotlist plate
 * @param read the character read (0 for a missing character)
 * @param listed the character on the list (0 for an extra character)
 * @param note why the grammar allows it, e.g. "only digits there", or empty
 */
public record Edit(Kind kind, int position, char read, char listed, String note) {

    /** Kinds of difference. */
    public enum Kind {
        /** Characters in one OCR confusion class, e.g. O read for 0. */
        OCR_CLASS,
        /** A free substitution of unrelated characters. */
        SUBSTITUTED,
        /** A character of the plate that the reading lacks. */
        MISSING,
        /** A character in the reading that the plate lacks. */
        EXTRA
    }

    public Edit {
        Objects.requireNonNull(kind, "kind");
        note = note == null ? "" : note;
    }

    /** True for the kinds that spend the free-edit allowance. */
    public boolean free() {
        return kind != Kind.OCR_CLASS;
    }

    /** Operator-facing text, e.g. "O→0 at position 3 (only digits there)". */
    public String describe() {
        String text = switch (kind) {
            case OCR_CLASS, SUBSTITUTED -> read + "→" + listed + " at position " + position;
            case MISSING -> "missing " + listed + " at position " + position;
            case EXTRA -> "extra " + read + " before position " + position;
        };
        return note.isEmpty() ? text : text + " (" + note + ")";
    }
}
