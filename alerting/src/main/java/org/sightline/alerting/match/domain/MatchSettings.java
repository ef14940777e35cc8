package org.sightline.alerting.match.domain;

import java.util.Objects;

/**
 * How the matcher compares readings with listed plates.
 *
 * @param confusions the OCR confusion classes
 * @param maxFreeEdits free edits allowed on top of confusions: 0 or 1
 * @param freeEditRule when a free edit may be spent
 */
public record MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule) {

    public MatchSettings {
        Objects.requireNonNull(confusions, "confusions");
        Objects.requireNonNull(freeEditRule, "freeEditRule");
        if (maxFreeEdits < 0 || maxFreeEdits > 1) {
            throw new IllegalArgumentException("max free edits must be 0 or 1, was " + maxFreeEdits);
        }
    }

    /** Standard classes, one grammar-justified free edit. */
    public static MatchSettings standard() {
        return new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR);
    }
}
