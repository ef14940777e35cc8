package org.sightline.alerting.match.domain;

import java.util.Random;

/** Random plates and OCR-like misreads for the matcher's tests. */
final class PlateGenerator {

    static final String LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ"; // no I or Q, as on current plates
    static final String DIGITS = "0123456789";

    private PlateGenerator() {
    }

    /** A random current-format plate, AB12CDE. */
    static String current(Random r) {
        StringBuilder b = new StringBuilder(7);
        b.append(pick(r, "ABCDEFGHJKLMNOPRSTUVWXY")).append(pick(r, "ABCDEFGHJKLMNOPRSTUVWXY"));
        b.append(pick(r, DIGITS)).append(pick(r, DIGITS));
        for (int i = 0; i < 3; i++) {
            b.append(pick(r, LETTERS));
        }
        return b.toString();
    }

    /** A plate of any UK shape or a foreign one; {@code bias} characters are used more often when given. */
    static String anyShape(Random r, String bias) {
        String letters = bias.isEmpty() ? LETTERS : LETTERS + bias.replaceAll("[0-9]", "").repeat(4);
        String digits = bias.isEmpty() ? DIGITS : DIGITS + bias.replaceAll("[A-Z]", "").repeat(4);
        return switch (r.nextInt(6)) {
            case 0, 1 -> current(r);
            case 2 -> "" + pick(r, "ABCDEFGHJKLMNPRSTVWXY") + (1 + r.nextInt(9)) + pick(r, digits) + pick(r, letters)
                    + pick(r, letters) + pick(r, letters);
            case 3 -> "" + pick(r, letters) + pick(r, letters) + pick(r, letters) + (1 + r.nextInt(9)) + pick(r, digits)
                    + pick(r, "ABCDEFGHJKLMNPRSTVWXY");
            case 4 -> "" + pick(r, letters) + pick(r, letters) + (1 + r.nextInt(9)) + pick(r, digits) + pick(r, digits);
            default -> "W" + pick(r, letters) + pick(r, letters) + pick(r, digits) + pick(r, digits) + pick(r, digits)
                    + pick(r, digits) + pick(r, letters);
        };
    }

    /** The plate with zero to two OCR-like errors: confusions, substitutions, drops, extra characters. */
    static String misread(Random r, String plate) {
        StringBuilder b = new StringBuilder(plate);
        int errors = r.nextInt(3);
        for (int e = 0; e < errors && b.length() > 2; e++) {
            int i = r.nextInt(b.length());
            switch (r.nextInt(5)) {
                case 0, 1 -> b.setCharAt(i, confuse(r, b.charAt(i)));
                case 2 -> b.setCharAt(i, pick(r, LETTERS + DIGITS));
                case 3 -> b.deleteCharAt(i);
                default -> {
                    if (b.length() < 10) {
                        b.insert(i, pick(r, LETTERS + DIGITS));
                    }
                }
            }
        }
        return b.toString();
    }

    static char confuse(Random r, char c) {
        for (String cls : new String[] {"0ODQ", "1I", "2Z", "5S", "8B", "6G"}) {
            if (cls.indexOf(c) >= 0) {
                return cls.charAt(r.nextInt(cls.length()));
            }
        }
        return c;
    }

    static char pick(Random r, String from) {
        return from.charAt(r.nextInt(from.length()));
    }
}
