package org.sightline.geo.camera.domain;

import java.util.Locale;
import java.util.Optional;

/** Life-cycle state of a camera or roadside unit. */
public enum EquipmentStatus {
    PLANNED, ACTIVE, FAULTY, DECOMMISSIONED;

    /** The status named by {@code text} (case-insensitive), or empty. */
    public static Optional<EquipmentStatus> find(String text) {
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
