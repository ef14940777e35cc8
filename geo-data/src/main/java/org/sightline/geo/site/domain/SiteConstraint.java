package org.sightline.geo.site.domain;

import java.util.Locale;
import java.util.Optional;

/** Practical facts about a candidate site that the planner weighs. */
public enum SiteConstraint {
    POLE_AVAILABLE, POWER_AVAILABLE, NETWORK_AVAILABLE, NEEDS_NEW_POLE, NEEDS_PERMISSION, CONSERVATION_AREA;

    /** The constraint named by {@code text} ("pole available", "POLE_AVAILABLE", "pole-available"), or empty. */
    public static Optional<SiteConstraint> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        if (key.equals("POLE")) {
            key = "POLE_AVAILABLE";
        } else if (key.equals("POWER")) {
            key = "POWER_AVAILABLE";
        } else if (key.equals("NETWORK")) {
            key = "NETWORK_AVAILABLE";
        }
        try {
            return Optional.of(valueOf(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
