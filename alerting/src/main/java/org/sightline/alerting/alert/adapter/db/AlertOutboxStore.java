package org.sightline.alerting.alert.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.sightline.geo.db.GeoDatabase;

/**
 * The MQTT outbox in PostgreSQL: events of {@code alert_event} committed with {@code mqtt_pending}
 * (new, historic and escalated alerts that are not covert) until a service has had the broker's
 * PUBACK for them. Each insert of such an event is announced at commit with
 * {@code NOTIFY} {@value #CHANNEL} (a trigger, so other processes announce theirs too).
 */
@Singleton
public class AlertOutboxStore {

    /** The notification channel of new outbox events. */
    public static final String CHANNEL = "sightline_alert_outbox";

    /** Key of the transaction-level advisory lock held by the one instance publishing at a time. */
    private static final long PUBLISHER_LOCK = 0x5349_474E_4F55_5442L; // "SIGNOUTB"

    private final GeoDatabase database;

    public AlertOutboxStore(GeoDatabase database) {
        this.database = database;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /**
     * Makes the caller's transaction the only publisher until it ends. One publisher at a time,
     * rather than each instance skipping the rows another has locked, keeps every priority's
     * topic in event order across instances: an instance that found the lock taken leaves the
     * rows to the holder, which is woken by the same notification.
     *
     * @return false when another transaction publishes now
     */
    public boolean tryLockPublisher(Connection c) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            st.setLong(1, PUBLISHER_LOCK);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The oldest unpublished events with their alerts as they are now, in event order. */
    public List<AlertStore.EventView> pending(Connection c, int limit) throws SQLException {
        String sql = AlertStore.VIEW.replace(" FROM alert a ",
                ", ev.id, ev.kind FROM alert_event ev JOIN alert a ON a.id = ev.alert_id ")
                + " WHERE ev.mqtt_pending ORDER BY ev.id LIMIT ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            st.setInt(1, limit);
            List<AlertStore.EventView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new AlertStore.EventView(rs.getLong(25), rs.getString(26), AlertStore.view(rs)));
                }
            }
            return out;
        }
    }

    /** Marks events published (the broker acknowledged them). */
    public void markPublished(Connection c, List<Long> eventIds) throws SQLException {
        if (eventIds.isEmpty()) {
            return;
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE alert_event SET mqtt_pending = false,"
                + " mqtt_published_at = now() WHERE id = ANY (?) AND mqtt_pending")) {
            Array ids = c.createArrayOf("bigint", eventIds.toArray());
            st.setArray(1, ids);
            st.executeUpdate();
        }
    }

    /** How many events wait to be published (for tests and the health of the outbox). */
    public long pendingCount() throws SQLException {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM alert_event WHERE mqtt_pending")) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
