package org.sightline.alerting.retention.domain;

/**
 * What one purge of alerting's data removed.
 *
 * @param rejectedAlerts rejected alerts removed
 * @param acceptedAlerts accepted alerts removed
 * @param undecidedAlerts alerts never decided (new or acknowledged) removed because their last
 *                         sighting is older than the read retention
 * @param sightings sightings of those alerts removed
 * @param events console events of those alerts removed
 * @param entries ended hotlist entries removed
 * @param entriesHeld ended hotlist entries past their grace period that are kept because an alert
 *                    still refers to them (they go with the last of those alerts)
 */
public record PurgeCounts(long rejectedAlerts, long acceptedAlerts, long undecidedAlerts, long sightings, long events,
                          long entries, long entriesHeld) {

    /** Alerts removed, whatever their state. */
    public long alerts() {
        return rejectedAlerts + acceptedAlerts + undecidedAlerts;
    }

    /** True when nothing was removed. */
    public boolean isEmpty() {
        return alerts() == 0 && sightings == 0 && events == 0 && entries == 0;
    }
}
