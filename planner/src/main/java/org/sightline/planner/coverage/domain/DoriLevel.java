package org.sightline.planner.coverage.domain;

import java.util.Locale;
import java.util.Optional;

/** The EN 62676-4 DORI levels and the pixel density on the target each one needs. */
public enum DoriLevel {
    DETECT(25), OBSERVE(62.5), RECOGNISE(125), IDENTIFY(250);

    private final double pixelsPerMetre;

    DoriLevel(double pixelsPerMetre) {
        this.pixelsPerMetre = pixelsPerMetre;
    }

    /** Pixels per metre at the target that the level requires. */
    public double pixelsPerMetre() {
        return pixelsPerMetre;
    }

    /** The level named by {@code text} (any case; "recognize" accepted), or empty. */
    public static Optional<DoriLevel> find(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toUpperCase(Locale.ROOT).replace("RECOGNIZE", "RECOGNISE");
        for (DoriLevel l : values()) {
            if (l.name().equals(t)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
