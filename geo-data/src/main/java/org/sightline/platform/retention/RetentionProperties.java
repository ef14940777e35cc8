package org.sightline.platform.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long personal data is kept and how far back routine access reaches
 * ({@code sightline.retention.*}), checked at start. Defaults follow the national ANPR standards:
 * reads kept at most 12 months, routine access to the last 90 days only.
 *
 * @param reads how long plate reads are kept (1 day to 365 days)
 * @param routineAccess how far back a search may look without a supervisor's approval (1 day to {@code reads})
 * @param hotlistGrace how long an expired hotlist entry is kept before it is purged (0 to 365 days)
 * @param closedAlerts how long a closed alert is kept (1 day to 365 days)
 */
@Context
@ConfigurationProperties("sightline.retention")
public record RetentionProperties(
        @Bindable(defaultValue = "365d") Duration reads,
        @Bindable(defaultValue = "90d") Duration routineAccess,
        @Bindable(defaultValue = "30d") Duration hotlistGrace,
        @Bindable(defaultValue = "365d") Duration closedAlerts) {

    private static final Duration YEAR = Duration.ofDays(365);

    public RetentionProperties {
        require("sightline.retention.reads", reads, Duration.ofDays(1), YEAR);
        require("sightline.retention.routine-access", routineAccess, Duration.ofDays(1), reads);
        require("sightline.retention.hotlist-grace", hotlistGrace, Duration.ZERO, YEAR);
        require("sightline.retention.closed-alerts", closedAlerts, Duration.ofDays(1), YEAR);
    }

    private static void require(String key, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " = " + value + ": must be between " + days(min) + " and " + days(max));
        }
    }

    private static String days(Duration d) {
        return d.toDays() + " days (" + d.toDays() + "d)";
    }
}
