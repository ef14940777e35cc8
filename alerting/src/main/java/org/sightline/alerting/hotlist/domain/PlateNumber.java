package org.sightline.alerting.hotlist.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A number plate as alerting stores and matches it: 1-10 upper-case letters A-Z or digits, with
 * spaces and dashes removed. Construct from user text with {@link #parse(String)}.
 *
 * @param value the normalised plate, e.g. {@code AB12CDE}
 */
public record PlateNumber(String value) {

    /** Longest plate accepted (European plates reach 9-10 characters without separators). */
    public static final int MAX_LENGTH = 10;

    private static final Pattern NORMALISED = Pattern.compile("[A-Z0-9]{1," + MAX_LENGTH + "}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-]+");

    public PlateNumber {
        Objects.requireNonNull(value, "value");
        if (!NORMALISED.matcher(value).matches()) {
            throw new IllegalArgumentException("a plate must be 1-" + MAX_LENGTH
                    + " letters A-Z or digits (spaces and dashes are removed), was '" + shorten(value) + "'");
        }
    }

    /**
     * Normalises user or unit text: removes spaces and dashes and upper-cases.
     *
     * @param raw plate text, may be null
     * @return the plate, or empty when the text is not a plate
     */
    public static Optional<PlateNumber> parse(String raw) {
        String v = normalise(raw);
        return NORMALISED.matcher(v).matches() ? Optional.of(new PlateNumber(v)) : Optional.empty();
    }

    /** The text with spaces and dashes removed, upper case; never null. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        return SEPARATORS.matcher(raw).replaceAll("").toUpperCase(Locale.ROOT);
    }

    /** Says why text is not a plate (for import reports), or empty when it is one. */
    public static Optional<String> problem(String raw) {
        String v = normalise(raw);
        if (v.isEmpty()) {
            return Optional.of("plate is empty");
        }
        if (v.length() > MAX_LENGTH) {
            return Optional.of("plate is longer than " + MAX_LENGTH + " characters (" + v.length() + ")");
        }
        if (!NORMALISED.matcher(v).matches()) {
            return Optional.of("plate may hold only letters A-Z and digits, was '" + shorten(raw) + "'");
        }
        return Optional.empty();
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "…" : s;
    }

    @Override
    public String toString() {
        return value;
    }
}
