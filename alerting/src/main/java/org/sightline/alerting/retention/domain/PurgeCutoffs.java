package org.sightline.alerting.retention.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The instants before which alerting's personal data is purged. An alert goes when it was rejected
 * before {@code rejectedBefore}, accepted before {@code acceptedBefore}, or last seen before
 * {@code seenBefore} whatever its state (its sightings are copies of plate reads, which are never
 * kept longer than the reads themselves). A hotlist entry goes when it expired or was removed
 * before {@code entriesEndedBefore} and no remaining alert refers to it.
 *
 * @param rejectedBefore rejected alerts decided before this instant are purged
 * @param acceptedBefore accepted alerts decided before this instant are purged
 * @param seenBefore alerts of any state last seen before this instant are purged
 * @param entriesEndedBefore hotlist entries that ended (expired or removed) before this instant are purged
 */
public record PurgeCutoffs(Instant rejectedBefore, Instant acceptedBefore, Instant seenBefore, Instant entriesEndedBefore) {

    public PurgeCutoffs {
        Objects.requireNonNull(rejectedBefore, "rejectedBefore");
        Objects.requireNonNull(acceptedBefore, "acceptedBefore");
        Objects.requireNonNull(seenBefore, "seenBefore");
        Objects.requireNonNull(entriesEndedBefore, "entriesEndedBefore");
    }

    /**
     * Cutoffs as of {@code now} for the given keeping periods (each not negative).
     *
     * @param rejectedAlerts how long a rejected alert is kept after its decision
     * @param acceptedAlerts how long an accepted alert is kept after its decision
     * @param reads how long plate reads are kept: no alert outlives its last sighting by more
     * @param hotlistGrace how long an ended hotlist entry is kept
     * @throws IllegalArgumentException when a period is negative
     */
    public static PurgeCutoffs asOf(Instant now, Duration rejectedAlerts, Duration acceptedAlerts, Duration reads,
                                    Duration hotlistGrace) {
        return new PurgeCutoffs(now.minus(notNegative(rejectedAlerts)), now.minus(notNegative(acceptedAlerts)),
                now.minus(notNegative(reads)), now.minus(notNegative(hotlistGrace)));
    }

    private static Duration notNegative(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("keeping period must be zero or more, not " + d);
        }
        return d;
    }
}
