package org.sightline.ingest.read.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A number plate as Sightline stores and matches it: upper case letters and digits only, 1-10
 * characters, with a note of whether it has the shape of a Great Britain or Northern Ireland
 * registration. Foreign plates are valid plates; {@link #ukFormat()} only records the check.
 */
public record Plate(String value, boolean ukFormat) {

    /** Longest plate accepted (European plates reach 9-10 characters without separators). */
    public static final int MAX_LENGTH = 10;

    private static final Pattern NORMALISED = Pattern.compile("[A-Z0-9]{1," + MAX_LENGTH + "}");
    private static final Pattern[] UK = {
        Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z]{3}"),     // current style, AB12CDE (2001-)
        Pattern.compile("[A-Z][0-9]{1,3}[A-Z]{3}"),      // prefix style, A123BCD (1983-2001)
        Pattern.compile("[A-Z]{3}[0-9]{1,3}[A-Z]"),      // suffix style, ABC123D (1963-1983)
        Pattern.compile("[A-Z]{1,3}[0-9]{1,4}"),         // dateless, and Northern Ireland ABZ 1234
        Pattern.compile("[0-9]{1,4}[A-Z]{1,3}"),         // dateless, reversed
    };
    // separators units put between groups of characters; removed before matching
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    public Plate {
        Objects.requireNonNull(value, "value");
        if (!NORMALISED.matcher(value).matches()) {
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
        String v = SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
        if (v.isEmpty()) {
            return Checked.rejected("plate is empty");
        }
        if (!v.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            return Checked.rejected("plate has characters other than letters A-Z and digits: '" + Checked.shorten(raw) + "'");
        }
        if (v.length() > MAX_LENGTH) {
            return Checked.rejected("plate is longer than " + MAX_LENGTH + " characters (" + v.length() + ")");
        }
        return Checked.ok(new Plate(v, isUkFormat(v)));
    }

    /** True when a normalised plate has one of the shapes DVLA and DVA have issued. */
    public static boolean isUkFormat(String normalised) {
        for (Pattern p : UK) {
            if (p.matcher(normalised).matches()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return value;
    }
}
