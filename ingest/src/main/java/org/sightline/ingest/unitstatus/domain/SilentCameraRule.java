package org.sightline.ingest.unitstatus.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Flags a camera whose reads in the last hour fell far below its own baseline for the same hour of
 * the week (the mean of the same hour in previous weeks): the sign of an obstructed, misaligned or
 * dirty camera that still reports itself healthy. Quiet hours are left alone: the baseline must
 * reach {@code minBaselinePerHour} before a shortfall means anything.
 *
 * @param maxRatio flagged when observed &lt; maxRatio × baseline (e.g. 0.25)
 * @param minBaselinePerHour least baseline mean worth judging
 * @param minWeeks least weeks of history with reads
 */
public record SilentCameraRule(double maxRatio, double minBaselinePerHour, int minWeeks) {

    public SilentCameraRule {
        if (!(maxRatio > 0 && maxRatio < 1) || !(minBaselinePerHour > 0) || minWeeks < 1) {
            throw new IllegalArgumentException("maxRatio must be in (0, 1), minBaselinePerHour positive, minWeeks at least 1");
        }
    }

    /** The usual rule: below a quarter of a baseline of at least 20 reads an hour over at least 2 weeks. */
    public static SilentCameraRule standard() {
        return new SilentCameraRule(0.25, 20, 2);
    }

    /**
     * The evidence when the camera looks silent, or empty.
     *
     * @param observedLastHour reads in the last hour
     * @param sameHourPreviousWeeks reads in the same hour 1, 2, … weeks ago (weeks without any read are left out of the mean,
     *                              since the camera may not have existed yet)
     */
    public Optional<String> evidence(long observedLastHour, long[] sameHourPreviousWeeks) {
        long weeks = 0;
        long total = 0;
        for (long n : sameHourPreviousWeeks) {
            if (n > 0) {
                weeks++;
                total += n;
            }
        }
        if (weeks < minWeeks) {
            return Optional.empty();
        }
        double baseline = (double) total / weeks;
        if (baseline < minBaselinePerHour || observedLastHour >= maxRatio * baseline) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "silent: %d reads in the last hour against %.0f on average at this hour "
                + "of the week (%d weeks); check for obstruction, misalignment or a dirty lens", observedLastHour, baseline, weeks));
    }
}
