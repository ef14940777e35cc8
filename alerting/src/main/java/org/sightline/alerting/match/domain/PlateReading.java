package org.sightline.alerting.match.domain;

import java.util.regex.Pattern;

/**
 * One way a unit read a plate: the normalised text and its confidence.
 *
 * @param plate upper-case letters and digits, 1-10 characters
 * @param confidence the unit's OCR confidence for this reading, 0 to 1
 */
public record PlateReading(String plate, double confidence) {

    private static final Pattern PLATE = Pattern.compile("[A-Z0-9]{1,10}");

    public PlateReading {
        if (plate == null || !PLATE.matcher(plate).matches()) {
            throw new IllegalArgumentException("a plate reading must be 1-10 upper-case letters or digits, was '"
                    + plate + "'");
        }
        if (!Double.isFinite(confidence) || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
    }
}
