package org.sightline.ingest.peer.adapter.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.sightline.ingest.read.adapter.mqtt.JsonFields;

/** Epoch times as peers send them: seconds with a fraction (Frigate) or milliseconds (alprd). */
final class PeerTime {

    // below this an epoch value cannot be milliseconds of a plausible date (it would be before 1973)
    private static final double SECONDS_BELOW = 1e11;

    private PeerTime() {
    }

    /** A field in epoch seconds, fraction allowed. */
    static Instant seconds(JsonNode n, String field) {
        double s = JsonFields.number(n, field, true);
        if (s <= 0 || s >= SECONDS_BELOW) {
            throw new IllegalArgumentException(field + " must be a time in epoch seconds, was " + s);
        }
        return Instant.ofEpochMilli(Math.round(s * 1000));
    }

    /** A field in epoch milliseconds; a value too small for milliseconds is taken as seconds. */
    static Instant millisOrSeconds(JsonNode n, String field) {
        double v = JsonFields.number(n, field, true);
        if (v <= 0 || v >= SECONDS_BELOW * 1000) {
            throw new IllegalArgumentException(field + " must be a time in epoch milliseconds, was " + v);
        }
        return Instant.ofEpochMilli(Math.round(v < SECONDS_BELOW ? v * 1000 : v));
    }
}
