package org.sightline.alerting.match.domain;

import java.util.Objects;

/**
 * One shape of registration plate of a fixed length: which characters each position may hold.
 * Immutable.
 *
 * @param name human name, e.g. "current (AB12CDE)"
 * @param slots per position, a 36-bit mask of the allowed characters (bit 0-9: digits, 10-35: A-Z)
 */
public record PlateFormat(String name, long[] slots) {

    /** Mask of the ten digits. */
    static final long DIGITS = (1L << 10) - 1;
    /** Mask of the 26 letters. */
    static final long LETTERS = ((1L << 36) - 1) & ~DIGITS;

    public PlateFormat {
        Objects.requireNonNull(name, "name");
        slots = slots.clone();
        if (slots.length == 0) {
            throw new IllegalArgumentException("a plate format needs at least one position");
        }
    }

    /** Number of characters. */
    public int length() {
        return slots.length;
    }

    /** True when position {@code index} (0-based) may hold {@code c}. */
    public boolean allows(int index, char c) {
        int bit = bit(c);
        return bit >= 0 && (slots[index] & (1L << bit)) != 0;
    }

    /** True when position {@code index} holds digits only. */
    public boolean digitSlot(int index) {
        return (slots[index] & LETTERS) == 0;
    }

    /** True when the plate has exactly this shape. */
    public boolean fits(CharSequence plate) {
        if (plate.length() != slots.length) {
            return false;
        }
        for (int i = 0; i < slots.length; i++) {
            if (!allows(i, plate.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Bit of a plate character in a slot mask, or -1 for anything else. */
    static int bit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return 10 + c - 'A';
        }
        return -1;
    }

    /** Mask of the given letters. */
    static long letters(String letters) {
        long m = 0;
        for (char c : letters.toCharArray()) {
            m |= 1L << bit(c);
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlateFormat f && f.name.equals(name) && java.util.Arrays.equals(f.slots, slots);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + java.util.Arrays.hashCode(slots);
    }

    @Override
    public String toString() {
        return name;
    }
}
