package org.sightline.alerting.alert.domain;

import java.util.Objects;

/**
 * An operator's action on an alert, checked.
 *
 * @param action what they do
 * @param reason the reject reason (REJECT only)
 * @param note free text (required for REJECT with OTHER; at most 1000 characters)
 */
public record Decision(AlertAction action, RejectReason reason, String note) {

    public Decision {
        Objects.requireNonNull(action, "action");
        note = note == null ? "" : note.strip();
        if (note.length() > 1000) {
            throw new IllegalArgumentException("note must be at most 1000 characters");
        }
        if (note.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new IllegalArgumentException("note must not contain control characters");
        }
        if (action == AlertAction.REJECT && reason == null) {
            throw new IllegalArgumentException("a rejection needs a reason: MISREAD, VEHICLE_DOES_NOT_MATCH, "
                    + "ALREADY_DEALT_WITH or OTHER");
        }
        if (action != AlertAction.REJECT && reason != null) {
            throw new IllegalArgumentException("only a rejection has a reason");
        }
        if (reason == RejectReason.OTHER && note.isEmpty()) {
            throw new IllegalArgumentException("a rejection for OTHER reasons needs a note");
        }
    }
}
