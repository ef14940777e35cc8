package org.sightline.app.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks vehicle registration marks in text bound for the log. ANPR reads are personal data: a plate
 * in a log file outlives the retention rules of the read store, so plates are reduced to their
 * first two characters ({@code AB12CDE} becomes {@code AB*****}). Covers the current GB format
 * (two letters, two digits, three letters, with or without a space) and the older suffix and
 * prefix formats; anything else is left alone.
 */
public final class PlateMasking {

    // word-bounded so that ids and hashes that merely contain such a run are not mangled
    private static final Pattern PLATE = Pattern.compile(
            "(?<![A-Za-z0-9])("
                    + "[A-Z]{2}[0-9]{2} ?[A-Z]{3}"        // current: AB12 CDE
                    + "|[A-Z][0-9]{1,3} ?[A-Z]{3}"        // prefix: A123 BCD
                    + "|[A-Z]{3} ?[0-9]{1,3}[A-Z]"        // suffix: ABC 123D
                    + ")(?![A-Za-z0-9])");

    private PlateMasking() {
    }

    /** The text with every plate-like token masked; the same text when there is none. */
    public static String mask(String text) {
        if (text == null || text.length() < 5) {
            return text;
        }
        Matcher m = PLATE.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            String plate = m.group(1);
            StringBuilder masked = new StringBuilder(plate.length());
            for (int i = 0; i < plate.length(); i++) {
                char c = plate.charAt(i);
                masked.append(i < 2 || c == ' ' ? c : '*');
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(masked.toString()));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
