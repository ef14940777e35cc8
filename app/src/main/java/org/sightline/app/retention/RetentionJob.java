package org.sightline.app.retention;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import org.sightline.alerting.retention.AlertingPurge;
import org.sightline.alerting.retention.domain.PurgeCounts;
import org.sightline.alerting.retention.domain.PurgeCutoffs;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.retention.RetentionProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hourly retention run ({@code sightline.retention.*}): drops plate reads past their period,
 * then purges closed and stale alerts and ended hotlist entries. Each purge that removed anything
 * is written to the audit trail with its counts; the audit trail itself is never purged. A part
 * that fails is logged and tried again on the next run without stopping the other part.
 */
@Singleton
@Requires(property = "sightline.retention.enabled", value = "true", defaultValue = "true")
public class RetentionJob {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final String ACTOR = "system:retention";

    private final ReadRetention reads;
    private final AlertingPurge alerting;
    private final RetentionProperties retention;
    private final AuditLog audit;

    public RetentionJob(ReadRetention reads, AlertingPurge alerting, RetentionProperties retention, AuditLog audit) {
        this.reads = reads;
        this.alerting = alerting;
        this.retention = retention;
        this.audit = audit;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "1h")
    void scheduled() {
        Instant now = Instant.now();
        try {
            reads.purge(now);
        } catch (RuntimeException e) {
            LOG.error("Read retention run failed; it is tried again in an hour", e);
        }
        try {
            purgeAlerting(now);
        } catch (RuntimeException e) {
            LOG.error("Alert and hotlist retention run failed; it is tried again in an hour", e);
        }
    }

    /**
     * Purges alerts and hotlist entries past their keeping periods as of {@code now} and audits
     * what went (one event for alerts, one for hotlist entries, each only when something did).
     *
     * @return what was removed
     */
    public PurgeCounts purgeAlerting(Instant now) {
        PurgeCounts n = alerting.purge(PurgeCutoffs.asOf(now, retention.rejectedAlerts(), retention.acceptedAlerts(),
                retention.reads(), retention.hotlistGrace()));
        if (n.alerts() > 0) {
            audit.record(new AuditEvent(now, ACTOR, "retention.alerts.purge", "closed alerts and their sightings",
                    "retention policy", "", "rejected=" + n.rejectedAlerts() + ";accepted=" + n.acceptedAlerts()
                            + ";undecided=" + n.undecidedAlerts() + ";sightings=" + n.sightings() + ";events=" + n.events()
                            + ";rejected-retention=" + days(retention.rejectedAlerts())
                            + ";accepted-retention=" + days(retention.acceptedAlerts())
                            + ";reads-retention=" + days(retention.reads())));
            LOG.info("Retention: purged {} alerts ({} rejected, {} accepted, {} never decided) with {} sightings",
                    n.alerts(), n.rejectedAlerts(), n.acceptedAlerts(), n.undecidedAlerts(), n.sightings());
        }
        if (n.entries() > 0) {
            audit.record(new AuditEvent(now, ACTOR, "retention.hotlist.purge", "ended hotlist entries",
                    "retention policy", "", "entries=" + n.entries() + ";held-for-alerts=" + n.entriesHeld()
                            + ";grace=" + days(retention.hotlistGrace())));
            LOG.info("Retention: purged {} hotlist entries that ended more than {} ago ({} kept while alerts refer to them)",
                    n.entries(), days(retention.hotlistGrace()), n.entriesHeld());
        }
        return n;
    }

    private static String days(Duration d) {
        return d.toDays() + "d";
    }
}
