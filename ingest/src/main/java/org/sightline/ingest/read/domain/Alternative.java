package org.sightline.ingest.read.domain;

import java.util.Objects;

/**
 * Another reading of a plate that the unit's OCR considered (its second, third… candidate), with
 * the unit's confidence in it. The hotlist matcher uses alternatives to catch a listed vehicle
 * whose best reading is wrong.
 *
 * @param plate the normalised alternative plate
 * @param confidence the unit's confidence in it, 0 to 1
 */
public record Alternative(Plate plate, double confidence) {

    public Alternative {
        Objects.requireNonNull(plate, "plate");
        if (!Double.isFinite(confidence) || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("alternative confidence must be between 0 and 1, was " + confidence);
        }
    }
}
