package org.sightline.ingest.read.domain;

/**
 * What the unit's classifier said about the vehicle; each part may be empty when not reported.
 * Every part is at most {@link #MAX_LENGTH} characters of text without control characters.
 */
public record Vehicle(String make, String colour, String type) {

    public static final int MAX_LENGTH = 64;
    public static final Vehicle UNKNOWN = new Vehicle("", "", "");

    public Vehicle {
        make = check("make", make);
        colour = check("colour", colour);
        type = check("type", type);
    }

    private static String check(String what, String v) {
        String s = v == null ? "" : v.strip();
        if (s.length() > MAX_LENGTH || s.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("vehicle " + what + " must be at most " + MAX_LENGTH
                    + " characters without control characters");
        }
        return s;
    }
}
