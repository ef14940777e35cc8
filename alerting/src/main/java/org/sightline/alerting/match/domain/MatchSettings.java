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
 * @param ambiguousBends whether the grammar may bend a character that has more than one class mate
 *        fitting its position (a 0 among the letters of a current plate: O or D). Off by default:
 *        such a reading is one of two plates, and with a large list the other one is now and then
 *        listed; on the simulator's stream with a 1M-entry list, on doubles the false alerts (about
 *        1.1 per 10,000 reads instead of 0.5) for about 0.45 points of recall (see {@code bench
 *        alerts}). The unit's alternative readings match either way
 * @param alternativesBelowConfidence the unit's most confident alternative reading is consulted
 *        only when its own reading is less confident than this (1: always, 0: never). On the simulator's stream
 *        with a 1M-entry list, consulting them on every read gave about 13 false alerts per 10,000
 *        reads (look-alikes of right readings that are listed plates)
 */
public record MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule,
                            boolean missingCharacters, boolean ambiguousBends, double alternativesBelowConfidence) {

    /** The default of {@code alternativesBelowConfidence}. */
    public static final double ALTERNATIVES_BELOW = 0.75;

    /** Settings without missing-character matching or ambiguous bends. */
    public MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule) {
        this(confusions, maxFreeEdits, freeEditRule, false, false, ALTERNATIVES_BELOW);
    }

    /** Settings without ambiguous bends. */
    public MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule, boolean missingCharacters) {
        this(confusions, maxFreeEdits, freeEditRule, missingCharacters, false, ALTERNATIVES_BELOW);
    }

    /** Settings with the default use of alternative readings. */
    public MatchSettings(OcrConfusions confusions, int maxFreeEdits, FreeEditRule freeEditRule, boolean missingCharacters,
                         boolean ambiguousBends) {
        this(confusions, maxFreeEdits, freeEditRule, missingCharacters, ambiguousBends, ALTERNATIVES_BELOW);
    }

    /** Whether the alternatives of a reading this confident are consulted. */
    public boolean consultsAlternatives(double primaryConfidence) {
        return primaryConfidence < alternativesBelowConfidence;
    }

    public MatchSettings {
        Objects.requireNonNull(confusions, "confusions");
        Objects.requireNonNull(freeEditRule, "freeEditRule");
        if (maxFreeEdits < 0 || maxFreeEdits > 1) {
            throw new IllegalArgumentException("max free edits must be 0 or 1, was " + maxFreeEdits);
        }
        if (!(alternativesBelowConfidence >= 0 && alternativesBelowConfidence <= 1)) {
            throw new IllegalArgumentException("alternativesBelowConfidence must be between 0 and 1, was "
                    + alternativesBelowConfidence);
        }
    }

    /** Standard classes, one grammar-justified free edit, no ambiguous bends. */
    public static MatchSettings standard() {
        return new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR);
    }
}
