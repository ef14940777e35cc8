package org.sightline.ingest.read.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides what a read's capture time means on arrival: too far in the future (a unit with a wrong
 * clock: refused), late (stored and flagged: typically a backlog from a unit that was offline),
 * or too old to take in at all.
 *
 * @param futureTolerance how far ahead of the service's clock a capture time may be
 * @param lateAfter a read received this long after its capture is late
 * @param oldestAccepted reads older than this are refused
 */
public record ReadTiming(Duration futureTolerance, Duration lateAfter, Duration oldestAccepted) {

    public ReadTiming {
        Objects.requireNonNull(futureTolerance, "futureTolerance");
        Objects.requireNonNull(lateAfter, "lateAfter");
        Objects.requireNonNull(oldestAccepted, "oldestAccepted");
        if (futureTolerance.isNegative() || lateAfter.isNegative() || oldestAccepted.compareTo(lateAfter) < 0) {
            throw new IllegalArgumentException("durations must be positive and oldestAccepted >= lateAfter");
        }
    }

    /**
     * Checks a capture time against the time it was received.
     *
     * @return {@code true} for a late read, {@code false} for a timely one, or the reason it is refused
     */
    public Checked<Boolean> check(Instant capturedAt, Instant receivedAt) {
        Duration ahead = Duration.between(receivedAt, capturedAt);
        if (ahead.compareTo(futureTolerance) > 0) {
            return Checked.rejected("capturedAt " + capturedAt + " is " + ahead.toSeconds()
                    + " s ahead of the service clock (more than " + futureTolerance.toSeconds() + " s): check the unit's clock");
        }
        Duration age = ahead.negated();
        if (age.compareTo(oldestAccepted) > 0) {
            return Checked.rejected("capturedAt " + capturedAt + " is older than " + oldestAccepted.toDays() + " days");
        }
        return Checked.ok(age.compareTo(lateAfter) > 0);
    }
}
