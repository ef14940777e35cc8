package org.sightline.geo.camera.domain;

import java.util.regex.Pattern;

/** Rules shared by Sightline's identifiers (camera, unit, site). */
public final class Identifiers {

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");

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
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits or . _ : / - "
                    + "starting with a letter or digit, was '" + value + "'");
        }
        return value;
    }
}
