package org.sightline.app.search.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A search of stored plate reads, as a person asks for it: what to look for, over which time
 * window, and why. A purpose and a reference are mandatory (national ANPR standards: every search
 * for a stated purpose).
 *
 * @param plate plate to look for (normalised: upper case, no spaces), or empty
 * @param fuzzy match plates that differ only by common OCR confusions (0/O/D/Q, 1/I, 2/Z, 5/S, 8/B, 6/G)
 * @param cameraId camera to look at, or empty
 * @param area west, south, east, north in degrees, or empty
 * @param from start of the window (inclusive)
 * @param to end of the window (exclusive)
 * @param purpose why the search is made (at least 10 characters)
 * @param reference incident or crime reference
 */
public record ReadSearch(Optional<String> plate, boolean fuzzy, Optional<String> cameraId, Optional<double[]> area,
                         Instant from, Instant to, String purpose, String reference) {

    /** Longest window one search may cover. */
    public static final Duration MAX_WINDOW = Duration.ofDays(31);

    public ReadSearch {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        // the database keeps microseconds: compare like with like
        from = from.truncatedTo(ChronoUnit.MICROS);
        to = to.truncatedTo(ChronoUnit.MICROS);
        plate = plate.map(ReadSearch::normalisePlate);
        cameraId = cameraId.map(String::trim).filter(c -> !c.isEmpty());
        if (plate.isPresent() && !plate.get().matches("[A-Z0-9]{2,10}")) {
            throw new IllegalArgumentException("plate must be 2-10 letters or digits");
        }
        if (cameraId.isPresent() && !cameraId.get().matches("[A-Za-z0-9._:-]{1,64}")) {
            throw new IllegalArgumentException("cameraId must be 1-64 letters, digits, '.', '_', ':' or '-'");
        }
        if (area.isPresent()) {
            double[] a = area.get();
            if (a.length != 4 || a[0] < -180 || a[2] > 180 || a[1] < -90 || a[3] > 90 || a[0] >= a[2] || a[1] >= a[3]) {
                throw new IllegalArgumentException("area must be west,south,east,north in degrees with west < east and south < north");
            }
        }
        if (plate.isEmpty() && cameraId.isEmpty() && area.isEmpty()) {
            throw new IllegalArgumentException("say what to look for: a plate, a camera or an area");
        }
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("one search may cover at most 31 days; narrow the window");
        }
        purpose = purpose == null ? "" : purpose.strip();
        reference = reference == null ? "" : reference.strip();
        if (purpose.length() < 10 || purpose.length() > 500) {
            throw new IllegalArgumentException("state the purpose of the search (10-500 characters)");
        }
        if (!reference.matches("[A-Za-z0-9/_.\\- ]{3,64}")) {
            throw new IllegalArgumentException("give the incident or crime reference (3-64 letters, digits, '/', '-', '_', '.', spaces)");
        }
    }

    /** Upper case, without spaces or dashes. */
    public static String normalisePlate(String plate) {
        return plate == null ? "" : plate.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }

    /** The plate with every OCR-confusable character replaced by its class representative. */
    public static String ocrKey(String plate) {
        StringBuilder sb = new StringBuilder(plate.length());
        for (char c : plate.toCharArray()) {
            sb.append(switch (c) {
                case 'O', 'D', 'Q' -> '0';
                case 'I' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'B' -> '8';
                case 'G' -> '6';
                default -> c;
            });
        }
        return sb.toString();
    }

    /** The SQL {@code translate} arguments that compute {@link #ocrKey} in the database. */
    public static final String OCR_FROM = "ODQIZSBG";
    /** See {@link #OCR_FROM}. */
    public static final String OCR_TO = "00012586";
}
