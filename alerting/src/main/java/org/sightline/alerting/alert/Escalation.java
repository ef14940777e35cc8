package org.sightline.alerting.alert;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalates high-priority alerts nobody has acknowledged within {@code escalate-after}: they are
 * marked, put back at the top of every console with a louder cue, and re-sent on MQTT (outbox).
 */
@Singleton
public class Escalation {

    private static final Logger LOG = LoggerFactory.getLogger(Escalation.class);

    private final AlertStore store;
    private final AlertSignal signal;
    private final AlertingProperties config;

    public Escalation(AlertStore store, AlertSignal signal, AlertingProperties config) {
        this.store = store;
        this.signal = signal;
        this.config = config;
    }

    @Scheduled(fixedDelay = "5s", initialDelay = "5s")
    void tick() {
        try {
            escalateDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("escalation check failed: {}", e.toString());
        }
    }

    /** Escalates what is due at {@code now}; returns how many alerts were escalated. */
    public int escalateDue(Instant now) {
        List<long[]> escalated;
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            escalated = store.escalate(c, now.minus(config.escalateAfter()), config.escalatePriority());
            for (long[] a : escalated) {
                store.event(c, a[0], "escalated", a[1] == 1, true);
            }
            c.commit();
        } catch (SQLException e) {
            throw new org.sightline.alerting.web.AlertingStoreException("cannot escalate alerts", e);
        }
        if (!escalated.isEmpty()) {
            signal.committed(); // the consoles, and the MQTT outbox that re-sends the escalated alerts
        }
        return escalated.size();
    }
}
