package org.sightline.ingest.read.domain;

import java.util.Objects;

/**
 * A number plate as Sightline stores and matches it: upper case letters and digits only, 1-10
 * characters, with a note of whether it has the shape of a Great Britain or Northern Ireland
 * registration. Foreign plates are valid plates; {@link #ukFormat()} only records the check.
 */
public record Plate(String value, boolean ukFormat) {

    /** Longest plate accepted (European plates reach 9-10 characters without separators). */
    public static final int MAX_LENGTH = 10;

    // the shapes DVLA and DVA have issued, as runs of letters (L) and digits (D) with their lengths:
    // current AB12CDE; prefix A123BCD; suffix ABC123D; dateless and Northern Ireland ABZ 1234, and reversed
    private static final int[][][] UK_SHAPES = {
        {{'L', 2, 2}, {'D', 2, 2}, {'L', 3, 3}},
        {{'L', 1, 1}, {'D', 1, 3}, {'L', 3, 3}},
        {{'L', 3, 3}, {'D', 1, 3}, {'L', 1, 1}},
        {{'L', 1, 3}, {'D', 1, 4}},
        {{'D', 1, 4}, {'L', 1, 3}},
    };

    public Plate {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !allPlateChars(value)) {
            throw new IllegalArgumentException("plate must be 1-" + MAX_LENGTH
                    + " upper case letters or digits, was '" + value + "'");
        }
        if (ukFormat != isUkFormat(value)) {
            throw new IllegalArgumentException("ukFormat does not agree with plate " + value);
        }
    }

    /**
     * Normalises what a unit sent (case, spaces, dashes) into a plate, or says why it cannot.
     *
     * @param raw the plate text as read; may be null
     * @return the plate, or the reason it is not one
     */
    public static Checked<Plate> parse(String raw) {
        if (raw == null) {
            return Checked.rejected("plate is missing");
        }
        // one pass, no regular expression: this runs for every read
        StringBuilder v = new StringBuilder(Math.min(raw.length(), 16));
        boolean other = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '-' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B) {
                continue;
            }
            char u = c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
            other |= !isPlateChar(u);
            v.append(u);
        }
        if (v.length() == 0) {
            return Checked.rejected("plate is empty");
        }
        if (other) {
            return Checked.rejected("plate has characters other than letters A-Z and digits: '" + Checked.shorten(raw) + "'");
        }
        if (v.length() > MAX_LENGTH) {
            return Checked.rejected("plate is longer than " + MAX_LENGTH + " characters (" + v.length() + ")");
        }
        String normalised = v.toString();
        return Checked.ok(new Plate(normalised, isUkFormat(normalised)));
    }

    /** True when a normalised plate has one of the shapes DVLA and DVA have issued. */
    public static boolean isUkFormat(String normalised) {
        for (int[][] shape : UK_SHAPES) {
            if (hasShape(normalised, shape)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasShape(String plate, int[][] runs) {
        int at = 0;
        for (int[] run : runs) {
            int start = at;
            while (at < plate.length() && at - start < run[2] && (run[0] == 'L' ? isLetter(plate.charAt(at)) : isDigit(plate.charAt(at)))) {
                at++;
            }
            if (at - start < run[1]) {
                return false;
            }
        }
        return at == plate.length();
    }

    private static boolean allPlateChars(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isPlateChar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isPlateChar(int c) {
        return isLetter(c) || isDigit(c);
    }

    private static boolean isLetter(int c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public String toString() {
        return value;
    }
}
