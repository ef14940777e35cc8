package org.sightline.alerting.hotlist.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One vehicle on a hotlist.
 *
 * @param id stable identifier
 * @param listCode the list it belongs to ({@link Hotlist#code()})
 * @param plate the normalised plate
 * @param reason why the vehicle is listed (1-500 characters)
 * @param priority 0 (lowest) to 100 (highest); decides feed order, escalation and the MQTT topic
 * @param instruction what the operator should do, e.g. "observe only, do not stop" (may be empty)
 * @param covert true when this entry and its alerts are visible only to covert-cleared users
 * @param source who supplied it, e.g. "PNC extract 2026-11-20" or an officer's collar number
 * @param validFrom first instant the entry can alert
 * @param expiresAt instant the entry stops alerting (after {@code validFrom})
 * @param createdBy the user who added it
 * @param createdAt when it was added
 */
public record HotlistEntry(UUID id, String listCode, PlateNumber plate, String reason, int priority,
                           String instruction, boolean covert, String source, Instant validFrom,
                           Instant expiresAt, String createdBy, Instant createdAt) {

    /** Highest priority. */
    public static final int MAX_PRIORITY = 100;

    public HotlistEntry {
        Objects.requireNonNull(id, "id");
        if (!Hotlist.isCode(listCode)) {
            throw new IllegalArgumentException("unknown list code '" + listCode + "'");
        }
        Objects.requireNonNull(plate, "plate");
        reason = HotlistText.require("reason", reason, 500);
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be 0-" + MAX_PRIORITY + ", was " + priority);
        }
        instruction = HotlistText.optional("instruction", instruction, 500);
        source = HotlistText.optional("source", source, 200);
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(validFrom)) {
            throw new IllegalArgumentException("expiry " + expiresAt + " must be after valid-from " + validFrom);
        }
        createdBy = HotlistText.require("createdBy", createdBy, 100);
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True when the entry can alert at this instant. */
    public boolean isLiveAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(expiresAt);
    }
}
