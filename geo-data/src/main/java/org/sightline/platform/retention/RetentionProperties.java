package org.sightline.platform.retention;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How long personal data is kept and how far back routine access reaches
 * ({@code sightline.retention.*}), checked at start. Defaults follow the national ANPR standards
 * (reads kept at most 12 months, routine access to the last 90 days only), and nothing derived
 * from reads is kept longer than the reads themselves.
 *
 * <p>Why these defaults: a rejected alert (a misread, or not the vehicle sought) concerns someone
 * who is most likely not involved, so it is kept only as long as routine access reaches (90 days:
 * enough to review false alerts and answer a complaint); an accepted alert records that action was
 * taken and is kept as long as reads are (evidence a case needs belongs in that case's file); an
 * ended hotlist entry is kept 30 days so that questions about recent alerts can still be answered.
 * Alerts never decided go when their last sighting is older than {@code reads}.
 *
 * @param reads how long plate reads are kept (1 day to 365 days)
 * @param routineAccess how far back a search may look without a supervisor's approval (1 day to {@code reads})
 * @param hotlistGrace how long a hotlist entry is kept after it expired or was removed (0 to {@code reads})
 * @param rejectedAlerts how long a rejected alert is kept after its decision (1 day to {@code reads})
 * @param acceptedAlerts how long an accepted alert is kept after its decision (1 day to {@code reads})
 */
@Context
@ConfigurationProperties("sightline.retention")
public record RetentionProperties(
        @Bindable(defaultValue = "365d") Duration reads,
        @Bindable(defaultValue = "90d") Duration routineAccess,
        @Bindable(defaultValue = "30d") Duration hotlistGrace,
        @Bindable(defaultValue = "90d") Duration rejectedAlerts,
        @Bindable(defaultValue = "365d") Duration acceptedAlerts) {

    private static final Duration YEAR = Duration.ofDays(365);
    private static final Duration DAY = Duration.ofDays(1);

    public RetentionProperties {
        require("sightline.retention.reads", reads, DAY, YEAR, "");
        String readsLimit = " (sightline.retention.reads)";
        require("sightline.retention.routine-access", routineAccess, DAY, reads, readsLimit);
        require("sightline.retention.hotlist-grace", hotlistGrace, Duration.ZERO, reads, readsLimit);
        require("sightline.retention.rejected-alerts", rejectedAlerts, DAY, reads, readsLimit);
        require("sightline.retention.accepted-alerts", acceptedAlerts, DAY, reads, readsLimit);
    }

    private static void require(String key, Duration value, Duration min, Duration max, String maxName) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + " = " + (value == null ? "(none)" : days(value))
                    + ": must be between " + days(min) + " and " + days(max) + maxName);
        }
    }

    private static String days(Duration d) {
        long days = d.toDays();
        return days * 86_400 == d.toSeconds() ? days + "d" : d.toString();
    }
}
