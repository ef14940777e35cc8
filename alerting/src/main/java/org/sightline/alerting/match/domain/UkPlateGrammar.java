package org.sightline.alerting.match.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The shapes of Great Britain and Northern Ireland registrations, position by position:
 * <ul>
 *   <li>current (2001-), {@code AB12CDE}: letters, two digits, three letters; I and Q are never
 *       issued, Z not in the first two letters;</li>
 *   <li>prefix (1983-2001), {@code A123BCD}, and suffix (1963-1983), {@code ABC123D}: one to three
 *       digits without a leading zero; the year letter is never I, O, Q, U or Z;</li>
 *   <li>dateless and Northern Ireland, {@code ABC1234} / {@code 1234ABC}: one to three letters and one
 *       to four digits without a leading zero.</li>
 * </ul>
 * A read that fits none of them is not a well-formed UK plate (a foreign plate or a misread).
 * Immutable and thread-safe.
 */
public final class UkPlateGrammar {

    private static final long NOT_ZERO = PlateFormat.DIGITS & ~1L;
    private static final long CURRENT_LETTER = PlateFormat.LETTERS & ~PlateFormat.letters("IQ");
    private static final long MEMORY_TAG = CURRENT_LETTER & ~PlateFormat.letters("Z");
    private static final long YEAR_LETTER = PlateFormat.LETTERS & ~PlateFormat.letters("IOQUZ");

    private final List<List<PlateFormat>> byLength = new ArrayList<>();

    /** The grammar with all the shapes above. */
    public UkPlateGrammar() {
        for (int i = 0; i <= 10; i++) {
            byLength.add(new ArrayList<>());
        }
        add(new PlateFormat("current (AB12CDE)", new long[] {MEMORY_TAG, MEMORY_TAG, PlateFormat.DIGITS,
            PlateFormat.DIGITS, CURRENT_LETTER, CURRENT_LETTER, CURRENT_LETTER}));
        for (int digits = 1; digits <= 3; digits++) {
            add(shape("prefix (A123BCD)", new long[] {YEAR_LETTER}, digits, 3, false));
            add(suffix(digits));
        }
        for (int letters = 1; letters <= 3; letters++) {
            for (int digits = 1; digits <= 4; digits++) {
                add(shape("dateless (ABC1234)", new long[0], digits, letters, true));
                add(reversed(letters, digits));
            }
        }
    }

    /** The shapes a plate of this length may have (empty for lengths no UK plate has). */
    public List<PlateFormat> formatsOfLength(int length) {
        return length >= 0 && length < byLength.size() ? byLength.get(length) : List.of();
    }

    /** The first shape the plate fits, or null when it fits none. */
    public PlateFormat formatOf(CharSequence plate) {
        for (PlateFormat f : formatsOfLength(plate.length())) {
            if (f.fits(plate)) {
                return f;
            }
        }
        return null;
    }

    /** True when the plate has the shape of a UK registration. */
    public boolean isWellFormed(CharSequence plate) {
        return formatOf(plate) != null;
    }

    private void add(PlateFormat f) {
        byLength.get(f.length()).add(f);
    }

    /** {@code lead} slots, then {@code digits} digits (no leading zero), then letters (or the reverse order). */
    private static PlateFormat shape(String name, long[] lead, int digits, int letters, boolean lettersFirst) {
        List<Long> slots = new ArrayList<>();
        if (lettersFirst) {
            for (int i = 0; i < letters; i++) {
                slots.add(PlateFormat.LETTERS);
            }
        }
        for (long l : lead) {
            slots.add(l);
        }
        for (int i = 0; i < digits; i++) {
            slots.add(i == 0 ? NOT_ZERO : PlateFormat.DIGITS);
        }
        if (!lettersFirst) {
            for (int i = 0; i < letters; i++) {
                slots.add(PlateFormat.LETTERS);
            }
        }
        return new PlateFormat(name, slots.stream().mapToLong(Long::longValue).toArray());
    }

    private static PlateFormat suffix(int digits) {
        long[] slots = new long[3 + digits + 1];
        for (int i = 0; i < 3; i++) {
            slots[i] = PlateFormat.LETTERS;
        }
        for (int i = 0; i < digits; i++) {
            slots[3 + i] = i == 0 ? NOT_ZERO : PlateFormat.DIGITS;
        }
        slots[3 + digits] = YEAR_LETTER;
        return new PlateFormat("suffix (ABC123D)", slots);
    }

    private static PlateFormat reversed(int letters, int digits) {
        long[] slots = new long[digits + letters];
        for (int i = 0; i < digits; i++) {
            slots[i] = i == 0 ? NOT_ZERO : PlateFormat.DIGITS;
        }
        for (int i = 0; i < letters; i++) {
            slots[digits + i] = PlateFormat.LETTERS;
        }
        return new PlateFormat("dateless (1234ABC)", slots);
    }
}
