package org.sightline.app.search.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The rule for how far back a search may look: within the routine window (default 90 days) any
 * user allowed to search may; beyond it only with a supervisor's approval of that search; beyond
 * the retention period nothing is kept to find.
 *
 * @param routine routine access window
 * @param retention how long reads are kept
 */
public record AccessWindow(Duration routine, Duration retention) {

    public AccessWindow {
        if (routine.isNegative() || routine.isZero() || retention.compareTo(routine) < 0) {
            throw new IllegalArgumentException("the routine window must be positive and not longer than the retention period");
        }
    }

    /** True when a search starting at {@code from} reaches past the routine window at {@code now}. */
    public boolean needsApproval(Instant from, Instant now) {
        return from.isBefore(now.minus(routine));
    }

    /** True when {@code from} is older than anything kept. */
    public boolean beyondRetention(Instant from, Instant now) {
        return from.isBefore(now.minus(retention));
    }
}
