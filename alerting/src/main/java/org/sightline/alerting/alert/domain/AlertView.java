package org.sightline.alerting.alert.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert as the console shows it: the hit, the entry's reason and instruction, where and when
 * it was seen, and what operators did.
 */
public record AlertView(long id, UUID entryId, String listCode, String listName, String plate, int priority,
                        boolean covert, boolean historic, AlertState state, String grade, String explanation,
                        String place, Instant firstSeen, Instant lastSeen, int sightings, String reason,
                        String instruction, Instant escalatedAt, String acknowledgedBy, String decidedBy,
                        String rejectReason, String decisionNote, Double lon, Double lat) {
}
