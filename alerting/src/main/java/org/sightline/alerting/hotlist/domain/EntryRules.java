package org.sightline.alerting.hotlist.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long entries may stay on a list: an entry without an expiry gets {@code defaultValidity};
 * none may stay longer than {@code maxValidity} after its valid-from time (lists must be reviewed).
 *
 * @param defaultValidity validity given when none is asked for (30 days by default)
 * @param maxValidity longest validity allowed
 */
public record EntryRules(Duration defaultValidity, Duration maxValidity) {

    public EntryRules {
        Objects.requireNonNull(defaultValidity, "defaultValidity");
        Objects.requireNonNull(maxValidity, "maxValidity");
        if (defaultValidity.isNegative() || defaultValidity.isZero()) {
            throw new IllegalArgumentException("default validity must be positive, was " + defaultValidity);
        }
        if (maxValidity.compareTo(defaultValidity) < 0) {
            throw new IllegalArgumentException("maximum validity " + maxValidity
                    + " must not be shorter than the default validity " + defaultValidity);
        }
    }

    /** 30 days by default, at most 365. */
    public static EntryRules standard() {
        return new EntryRules(Duration.ofDays(30), Duration.ofDays(365));
    }

    /**
     * The expiry an entry gets, or why the requested one is refused.
     *
     * @param validFrom when the entry starts
     * @param requested the expiry asked for, or empty for the default
     * @param now the current time (an expiry in the past is refused)
     * @return the expiry, or a problem message
     */
    public Result expiry(Instant validFrom, Optional<Instant> requested, Instant now) {
        if (requested.isEmpty()) {
            return new Result(validFrom.plus(defaultValidity), null);
        }
        Instant e = requested.get();
        if (!e.isAfter(now)) {
            return new Result(null, "expiry " + e + " is in the past");
        }
        if (!e.isAfter(validFrom)) {
            return new Result(null, "expiry " + e + " is not after valid-from " + validFrom);
        }
        if (Duration.between(validFrom, e).compareTo(maxValidity) > 0) {
            return new Result(null, "expiry " + e + " is more than the maximum of " + maxValidity.toDays()
                    + " days after valid-from");
        }
        return new Result(e, null);
    }

    /** An expiry, or the reason there is none. Exactly one of the two is set. */
    public record Result(Instant expiresAt, String problem) {
        /** True when an expiry was found. */
        public boolean ok() {
            return problem == null;
        }
    }
}
