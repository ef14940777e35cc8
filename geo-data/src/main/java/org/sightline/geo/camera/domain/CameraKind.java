package org.sightline.geo.camera.domain;

import java.util.Locale;
import java.util.Optional;

/** What a camera does: ANPR reads number plates, CCTV records a scene. */
public enum CameraKind {
    ANPR, CCTV;

    /** The kind named by {@code text} (case-insensitive), or empty. */
    public static Optional<CameraKind> find(String text) {
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
