package org.sightline.alerting.match.bench;

import java.util.Random;

/**
 * Plates and OCR misreads with known ground truth, for the alerting benchmarks (alerting's own
 * generator: it does not depend on the ingest module's simulator). The misread model: a read is
 * wrong with the given probability; a wrong read has one error, which is an OCR-class confusion
 * (60 %), a substitution by an unrelated character (20 %: half of them letters among the digits
 * or digits among the letters), a dropped character (10 %) or an extra character (10 %).
 */
public final class SyntheticPlates {

    static final String LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ";
    static final String TAGS = "ABCDEFGHJKLMNOPRSTUVWXY";
    private static final String[] CLASSES = {"0ODQ", "1I", "2Z", "5S", "8B", "6G"};

    private final Random random;

    public SyntheticPlates(long seed) {
        this.random = new Random(seed);
    }

    /** A random current-format plate (AB12CDE). */
    public String plate() {
        char[] c = new char[7];
        c[0] = TAGS.charAt(random.nextInt(TAGS.length()));
        c[1] = TAGS.charAt(random.nextInt(TAGS.length()));
        c[2] = (char) ('0' + random.nextInt(10));
        c[3] = (char) ('0' + random.nextInt(10));
        for (int i = 4; i < 7; i++) {
            c[i] = LETTERS.charAt(random.nextInt(LETTERS.length()));
        }
        return new String(c);
    }

    /** The plate as a camera reads it: wrong with probability {@code misreadRate}. */
    public String read(String plate, double misreadRate) {
        if (random.nextDouble() >= misreadRate) {
            return plate;
        }
        StringBuilder b = new StringBuilder(plate);
        int kind = random.nextInt(10);
        if (kind < 6) {
            // a confusion: pick a position holding a class character, if any
            for (int attempt = 0; attempt < 20; attempt++) {
                int i = random.nextInt(b.length());
                String cls = classOf(b.charAt(i));
                if (cls != null) {
                    char other;
                    do {
                        other = cls.charAt(random.nextInt(cls.length()));
                    } while (other == b.charAt(i));
                    b.setCharAt(i, other);
                    return b.toString();
                }
            }
            kind = 6;
        }
        int i = random.nextInt(b.length());
        if (kind < 8) {
            boolean crossType = random.nextBoolean();
            boolean digit = Character.isDigit(b.charAt(i));
            String pool = crossType == digit ? LETTERS : "0123456789";
            char c;
            do {
                c = pool.charAt(random.nextInt(pool.length()));
            } while (c == b.charAt(i) || (classOf(c) != null && classOf(c).indexOf(b.charAt(i)) >= 0));
            b.setCharAt(i, c);
        } else if (kind == 8) {
            b.deleteCharAt(i);
        } else {
            b.insert(i, (LETTERS + "0123456789").charAt(random.nextInt(34)));
        }
        return b.toString();
    }

    /** A random index below {@code n}. */
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    /** A random double in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    private static String classOf(char c) {
        for (String cls : CLASSES) {
            if (cls.indexOf(c) >= 0) {
                return cls;
            }
        }
        return null;
    }
}
