package org.sightline.ingest.simulator.domain;

import java.util.Random;

/**
 * Plausible UK current-style registrations (two-letter memory tag, age identifier, three random
 * letters) and OCR misreads with the confusions ANPR engines really make (0/O/D, 1/I, 5/S, 8/B, 2/Z).
 */
public final class PlateFactory {

    // memory tags of the North West and a spread of other regions, as issued
    private static final String[] MEMORY_TAGS = {"CA", "CB", "CD", "CE", "CF", "CG", "CH", "CJ", "CK", "CL", "CM", "CN",
        "CP", "CR", "CS", "CT", "CU", "CV", "CW", "CX", "CY", "DA", "DE", "DF", "DG", "DK", "DL", "DN", "DP", "DR",
        "DS", "DT", "DU", "DV", "DX", "DY", "MA", "MF", "ML", "MM", "MT", "MX", "LA", "LB", "YA", "BD", "WA", "KY"};
    private static final String RANDOM_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"; // I and Q are not issued there
    private static final String[][] CONFUSIONS = {{"0", "O", "D"}, {"1", "I"}, {"5", "S"}, {"8", "B"}, {"2", "Z"}};

    private final Random random;

    public PlateFactory(Random random) {
        this.random = random;
    }

    /** A new registration such as {@code CA19XKT}. */
    public String newPlate() {
        int year = 2 + random.nextInt(24); // 2002-2025
        String age = String.format("%02d", random.nextBoolean() ? year : year + 50);
        StringBuilder sb = new StringBuilder(MEMORY_TAGS[random.nextInt(MEMORY_TAGS.length)]).append(age);
        for (int i = 0; i < 3; i++) {
            sb.append(RANDOM_LETTERS.charAt(random.nextInt(RANDOM_LETTERS.length())));
        }
        return sb.toString();
    }

    /**
     * The plate as an OCR engine might misread it: one confusable character swapped for a look-alike.
     * Returns the plate unchanged when it has no confusable character.
     */
    public String misread(String plate) {
        int[] candidates = new int[plate.length()];
        int n = 0;
        for (int i = 0; i < plate.length(); i++) {
            if (group(plate.charAt(i)) != null) {
                candidates[n++] = i;
            }
        }
        if (n == 0) {
            return plate;
        }
        int at = candidates[random.nextInt(n)];
        String[] g = group(plate.charAt(at));
        String c = String.valueOf(plate.charAt(at));
        String other;
        do {
            other = g[random.nextInt(g.length)];
        } while (other.equals(c));
        return plate.substring(0, at) + other + plate.substring(at + 1);
    }

    private static String[] group(char c) {
        for (String[] g : CONFUSIONS) {
            for (String s : g) {
                if (s.charAt(0) == c) {
                    return g;
                }
            }
        }
        return null;
    }
}
