package org.sightline.alerting;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import org.sightline.alerting.hotlist.domain.EntryRules;
import org.sightline.alerting.match.domain.FreeEditRule;
import org.sightline.alerting.match.domain.MatchSettings;
import org.sightline.alerting.match.domain.OcrConfusions;

/**
 * Alerting settings ({@code sightline.alerting.*}), checked at start-up.
 *
 * @param defaultValidity validity of an entry given without an expiry
 * @param maxValidity longest validity an entry may have
 * @param ocrClasses OCR confusion classes, comma-separated (e.g. {@code 0ODQ,1I,2Z,5S,8B,6G})
 * @param maxFreeEdits free edits allowed on top of the confusion classes (0 or 1)
 * @param freeEditRule when a free edit may be spent (GRAMMAR or ANY)
 * @param matchMissingCharacters let the free edit restore a character a reading lacks (more false
 *                               alerts with large lists)
 * @param matchAmbiguousBends let the grammar bend a character to one of several class mates (a 0
 *                            among letters: O or D): a little more recall, about twice the false
 *                            alerts with a very large list
 * @param alternativesBelowConfidence the unit's alternative readings are matched only when its own
 *                                    reading is less confident than this (0-1; 1 always, 0 never):
 *                                    with a large list, the look-alikes of confident, right readings
 *                                    are now and then listed plates. Set it from your engine's
 *                                    confidences: below what do its readings turn out wrong?
 * @param joinWindow sightings of one plate on one list closer than this join one open alert
 * @param escalateAfter an unacknowledged high-priority alert escalates after this long
 * @param escalatePriority priority from which alerts escalate
 * @param retroWindow how far back a new entry is checked against stored reads
 * @param listen whether to subscribe to the units' reads
 * @param shareGroup the shared-subscription group alerting reads through
 * @param sessionExpiry how long the broker keeps alerting's session (and its missed reads) while it is down
 * @param maxImportBytes largest hotlist file accepted over HTTP (the server's own request limit,
 *                       micronaut.server.max-request-size, must be as large; bigger files go through
 *                       {@code sightline hotlist import})
 * @param topicRoot root of the MQTT topics (reads under {@code <root>/units/+/reads}, alerts out on
 *                  {@code <root>/alerts/<priority>})
 * @param boroughCode the boundary (geo_boundary.code) that "inbound" and "outbound" refer to; empty:
 *                    the boundary holding the most ANPR cameras
 * @param instanceId this instance's stable id within the share group (its broker session is kept
 *                   under it while the instance is down)
 * @param outboxPoll how often the MQTT outbox is checked without being woken (a safety net: commits
 *                   wake it in-process, and other processes' commits by NOTIFY)
 */
@Context
@ConfigurationProperties("sightline.alerting")
public record AlertingProperties(
        @Bindable(defaultValue = "30d") Duration defaultValidity,
        @Bindable(defaultValue = "365d") Duration maxValidity,
        @Bindable(defaultValue = "0ODQ,1I,2Z,5S,8B,6G") String ocrClasses,
        @Bindable(defaultValue = "1") int maxFreeEdits,
        @Bindable(defaultValue = "GRAMMAR") FreeEditRule freeEditRule,
        @Bindable(defaultValue = "false") boolean matchMissingCharacters,
        @Bindable(defaultValue = "false") boolean matchAmbiguousBends,
        @Bindable(defaultValue = "0.75") double alternativesBelowConfidence,
        @Bindable(defaultValue = "10m") Duration joinWindow,
        @Bindable(defaultValue = "2m") Duration escalateAfter,
        @Bindable(defaultValue = "70") int escalatePriority,
        @Bindable(defaultValue = "90d") Duration retroWindow,
        @Bindable(defaultValue = "true") boolean listen,
        @Bindable(defaultValue = "alerting") String shareGroup,
        @Bindable(defaultValue = "24h") Duration sessionExpiry,
        @Bindable(defaultValue = "1048576") int maxImportBytes,
        @Bindable(defaultValue = "sightline/v1") String topicRoot,
        @Bindable(defaultValue = "") String boroughCode,
        @Bindable(defaultValue = "1") String instanceId,
        @Bindable(defaultValue = "5s") Duration outboxPoll) {

    public AlertingProperties {
        require(defaultValidity, "default-validity", Duration.ofHours(1), Duration.ofDays(3650));
        require(maxValidity, "max-validity", Duration.ofHours(1), Duration.ofDays(3650));
        if (maxValidity.compareTo(defaultValidity) < 0) {
            throw new IllegalArgumentException("sightline.alerting.max-validity = " + maxValidity
                    + ": must not be shorter than default-validity (" + defaultValidity + ")");
        }
        try {
            OcrConfusions.parse(ocrClasses);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sightline.alerting.ocr-classes = '" + ocrClasses + "': " + e.getMessage());
        }
        if (maxFreeEdits < 0 || maxFreeEdits > 1) {
            throw new IllegalArgumentException("sightline.alerting.max-free-edits = " + maxFreeEdits + ": must be 0 or 1");
        }
        require(joinWindow, "join-window", Duration.ZERO, Duration.ofDays(1));
        require(escalateAfter, "escalate-after", Duration.ofSeconds(5), Duration.ofDays(1));
        if (escalatePriority < 0 || escalatePriority > 100) {
            throw new IllegalArgumentException("sightline.alerting.escalate-priority = " + escalatePriority
                    + ": must be 0-100");
        }
        require(retroWindow, "retro-window", Duration.ZERO, Duration.ofDays(3650));
        if (shareGroup == null || !shareGroup.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("sightline.alerting.share-group = '" + shareGroup
                    + "': must be 1-40 letters, digits, '-' or '_'");
        }
        if (topicRoot == null || !topicRoot.matches("[A-Za-z0-9_./-]{1,100}") || topicRoot.endsWith("/")) {
            throw new IllegalArgumentException("sightline.alerting.topic-root = '" + topicRoot
                    + "': must be 1-100 letters, digits or '_ . / -', without a trailing '/'");
        }
        if (instanceId == null || !instanceId.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("sightline.alerting.instance-id = '" + instanceId
                    + "': must be 1-40 letters, digits, '-' or '_'");
        }
        require(sessionExpiry, "session-expiry", Duration.ofMinutes(1), Duration.ofDays(30));
        if (!(alternativesBelowConfidence >= 0 && alternativesBelowConfidence <= 1)) {
            throw new IllegalArgumentException("sightline.alerting.alternatives-below-confidence = " + alternativesBelowConfidence
                    + ": must be between 0 and 1");
        }
        require(outboxPoll, "outbox-poll", Duration.ofMillis(100), Duration.ofMinutes(10));
        if (maxImportBytes < 1024 || maxImportBytes > 256 * 1024 * 1024) {
            throw new IllegalArgumentException("sightline.alerting.max-import-bytes = " + maxImportBytes
                    + ": must be 1024-268435456");
        }
    }

    /** The entry validity rules. */
    public EntryRules entryRules() {
        return new EntryRules(defaultValidity, maxValidity);
    }

    /** The matcher settings. */
    public MatchSettings matchSettings() {
        return new MatchSettings(OcrConfusions.parse(ocrClasses), maxFreeEdits, freeEditRule, matchMissingCharacters,
                matchAmbiguousBends, alternativesBelowConfidence);
    }

    private static void require(Duration d, String key, Duration min, Duration max) {
        if (d == null || d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("sightline.alerting." + key + " = " + d + ": must be between "
                    + min + " and " + max);
        }
    }
}
