package org.sightline.geo.camera.domain;

/** Rules shared by Sightline's identifiers (camera, unit, site). */
public final class Identifiers {

    private static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    /**
     * Checks an identifier: 1-64 characters, letters, digits and {@code . _ : / -}, starting with a
     * letter or digit.
     *
     * @return the identifier
     * @throws IllegalArgumentException naming {@code what} when it is invalid
     */
    public static String require(String what, String value) {
        if (!allowed(value)) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits or . _ : / - "
                    + "starting with a letter or digit, was '" + value + "'");
        }
        return value;
    }

    // [A-Za-z0-9][A-Za-z0-9._:/-]{0,63}, checked on every read the intake takes: no regex
    private static boolean allowed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !letterOrDigit(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!letterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '/' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean letterOrDigit(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }
}
