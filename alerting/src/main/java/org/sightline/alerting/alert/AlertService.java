package org.sightline.alerting.alert;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.sightline.alerting.alert.domain.AlertState;
import org.sightline.alerting.alert.domain.AlertView;
import org.sightline.alerting.alert.domain.Decision;
import org.sightline.alerting.alert.domain.SightingView;
import org.sightline.alerting.web.AlertingStoreException;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;

/** The operators' side of alerts: the feed, one alert with its sightings, and decisions (audited). */
@Singleton
public class AlertService {

    private final AlertStore store;
    private final AuditLog audit;
    private final AlertSignal signal;

    public AlertService(AlertStore store, AuditLog audit, AlertSignal signal) {
        this.store = store;
        this.audit = audit;
        this.signal = signal;
    }

    /** The feed, highest priority then newest first. */
    public List<AlertView> feed(boolean covertCleared, boolean openOnly, int limit) {
        return store.list(covertCleared, openOnly, Math.max(1, Math.min(limit, 500)));
    }

    /** One alert the user may see. */
    public Optional<AlertView> find(long id, boolean covertCleared) {
        return store.find(id).filter(a -> covertCleared || !a.covert());
    }

    /** The alert's own sightings, newest first. */
    public List<SightingView> sightings(long id) {
        return store.sightings(id);
    }

    /** Every stored read of the plate in the last day, oldest first: its path across the cameras. */
    public List<SightingView> lastDay(String plate) {
        return store.readsOfPlate(plate, Instant.now().minus(Duration.ofHours(24)));
    }

    /** The outcome of a decision. */
    public sealed interface Outcome {
        /** Done; the alert as it is now. */
        record Done(AlertView alert) implements Outcome {
        }

        /** No such alert (or not visible to the user). */
        record Missing() implements Outcome {
        }

        /** The alert's state does not allow the action. */
        record WrongState(AlertState state) implements Outcome {
        }
    }

    /** Applies an operator's decision and audits it. */
    public Outcome decide(long id, Decision d, String user, boolean covertCleared) {
        Optional<AlertView> alert = find(id, covertCleared);
        if (alert.isEmpty()) {
            return new Outcome.Missing();
        }
        AlertState from = alert.get().state();
        AlertState to = from.after(d.action());
        if (to == null) {
            return new Outcome.WrongState(from);
        }
        Instant now = Instant.now();
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            if (store.decide(c, id, from, to, d, user, now).isEmpty()) {
                c.rollback();
                return new Outcome.WrongState(store.find(id).map(AlertView::state).orElse(from));
            }
            store.event(c, id, to.name().toLowerCase(Locale.ROOT), alert.get().covert(), false);
            c.commit();
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot update alert " + id, e);
        }
        audit.record(new AuditEvent(now, user, "alert." + d.action().name().toLowerCase(Locale.ROOT),
                "alert:" + id + ":" + alert.get().plate(), "", "", decisionDetails(d, from, to)));
        signal.committed();
        return new Outcome.Done(store.find(id).orElseThrow());
    }

    private static String decisionDetails(Decision d, AlertState from, AlertState to) {
        StringBuilder b = new StringBuilder("{\"from\":\"").append(from).append("\",\"to\":\"").append(to).append('"');
        if (d.reason() != null) {
            b.append(",\"reason\":\"").append(d.reason()).append('"');
        }
        if (!d.note().isEmpty()) {
            b.append(",\"note\":\"").append(d.note().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n"))
                    .append('"');
        }
        return b.append('}').toString();
    }
}
