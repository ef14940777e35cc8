package org.sightline.platform.audit.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One entry of the audit trail, before it is chained.
 *
 * @param at when it happened (kept to the microsecond, as the database stores it)
 * @param actor who did it: a username, or {@code system:<component>} for the service itself
 * @param action what was done, a dotted name such as {@code login.failure} or {@code hotlist.entry.add}
 * @param target what it was done to (a plate, a list, a plan id), or empty
 * @param purpose the stated purpose (mandatory for searches of reads), or empty
 * @param reference incident or crime reference, or empty
 * @param details further facts as text (usually compact JSON), or empty
 */
public record AuditEvent(Instant at, String actor, String action, String target, String purpose,
                         String reference, String details) {

    /** Longest text kept in one field, in characters; longer text is cut and marked. */
    public static final int MAX_FIELD = 4000;

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MICROS);
        actor = require(actor, "actor");
        action = require(action, "action");
        if (!action.matches("[a-z][a-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("audit action must be lower-case dotted words: " + action);
        }
        target = clean(target);
        purpose = clean(purpose);
        reference = clean(reference);
        details = clean(details);
    }

    /** An event happening now with no purpose, reference or details. */
    public static AuditEvent of(String actor, String action, String target) {
        return new AuditEvent(Instant.now(), actor, action, target, "", "", "");
    }

    private static String require(String value, String name) {
        String v = clean(value);
        if (v.isEmpty()) {
            throw new IllegalArgumentException("audit " + name + " must not be empty");
        }
        return v;
    }

    private static String clean(String value) {
        if (value == null) {
            return "";
        }
        // NUL cannot be stored in PostgreSQL text; cut overlong values rather than lose the event
        String v = value.replace('\u0000', '\uFFFD');
        return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) + "…[cut]" : v;
    }
}
