package org.sightline.alerting.match.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Groups of characters that plate OCR mistakes for one another (0/O/D/Q, 1/I, 2/Z, 5/S, 8/B, 6/G
 * by default). Each character belongs to at most one class; the first character of a class is its
 * representative, and a plate's canonical key replaces every character with its representative.
 * Immutable and thread-safe.
 */
public final class OcrConfusions {

    private final List<String> classes;
    private final char[] representative = new char[128];

    /**
     * @param classes the classes, each 2 or more distinct characters from A-Z and 0-9
     * @throws IllegalArgumentException when a class is too short, has other characters, or a
     *         character appears twice
     */
    public OcrConfusions(List<String> classes) {
        Objects.requireNonNull(classes, "classes");
        for (char c = 0; c < 128; c++) {
            representative[c] = c;
        }
        boolean[] seen = new boolean[128];
        List<String> copy = new ArrayList<>();
        for (String raw : classes) {
            String cls = raw == null ? "" : raw.strip();
            if (cls.length() < 2) {
                throw new IllegalArgumentException("an OCR confusion class needs at least two characters, was '"
                        + raw + "'");
            }
            for (char c : cls.toCharArray()) {
                if (!isPlateChar(c)) {
                    throw new IllegalArgumentException("OCR confusion class '" + cls
                            + "' may hold only A-Z and 0-9");
                }
                if (seen[c]) {
                    throw new IllegalArgumentException("character " + c + " is in more than one OCR confusion class");
                }
                seen[c] = true;
                representative[c] = cls.charAt(0);
            }
            copy.add(cls);
        }
        this.classes = List.copyOf(copy);
    }

    /** The standard classes: 0ODQ, 1I, 2Z, 5S, 8B, 6G. */
    public static OcrConfusions standard() {
        return parse("0ODQ,1I,2Z,5S,8B,6G");
    }

    /** Parses a comma-separated list such as {@code 0ODQ,1I,2Z}; an empty text means no classes. */
    public static OcrConfusions parse(String text) {
        if (text == null || text.isBlank()) {
            return new OcrConfusions(List.of());
        }
        return new OcrConfusions(Arrays.stream(text.split(",")).map(String::strip).toList());
    }

    /** The classes as given. */
    public List<String> classes() {
        return classes;
    }

    /** The representative of a plate character (the character itself when it is in no class). */
    public char canonical(char c) {
        return c < 128 ? representative[c] : c;
    }

    /** The characters OCR may read for {@code c}, itself included (just {@code c} when it is in no class). */
    public String members(char c) {
        for (String cls : classes) {
            if (cls.indexOf(c) >= 0) {
                return cls;
            }
        }
        return String.valueOf(c);
    }

    /** True when OCR may read one of these characters for the other (also when they are equal). */
    public boolean confusable(char a, char b) {
        return canonical(a) == canonical(b);
    }

    /** The plate with each character replaced by its representative. */
    public String canonicalKey(CharSequence plate) {
        char[] out = new char[plate.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = canonical(plate.charAt(i));
        }
        return new String(out);
    }

    static boolean isPlateChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return String.join(",", classes);
    }
}
