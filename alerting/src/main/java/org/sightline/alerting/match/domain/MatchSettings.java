package org.sightline.alerting.match.domain;

import java.util.Objects;

/**
 * How the matcher compares readings with listed plates.
 *
 * @param confusions the OCR confusion classes
 * @param maxFreeEdits free edits allowed on top of confusions: 0 or 1
 * @param freeEditRule when a free edit may be spent
 * @param missingCharacters whether the free edit may restore a character the reading lacks. Off by
 *        default: with a large list a shortened reading meets about 7 × 34 candidate plates, so
 *        with a million entries most such matches are false (see {@code bench alerts})
 */
public record MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule,
                            boolean missingCharacters) {

    /** Settings without missing-character matching. */
    public MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule) {
        this(confusions, maxFreeEdits, freeEditRule, false);
    }

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
