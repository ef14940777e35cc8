package org.sightline.geo.camera.domain;

import java.util.Locale;
import java.util.Optional;

/** Whether a camera is visible to the public (overt) or concealed (covert, restricted access). */
public enum Deployment {
    OVERT, COVERT;

    /** The deployment named by {@code text} (case-insensitive), or empty. */
    public static Optional<Deployment> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
