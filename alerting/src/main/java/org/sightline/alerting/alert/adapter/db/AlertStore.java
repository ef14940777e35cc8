package org.sightline.alerting.alert.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sightline.alerting.alert.domain.AlertState;
import org.sightline.alerting.alert.domain.AlertView;
import org.sightline.alerting.alert.domain.Decision;
import org.sightline.alerting.alert.domain.SightingView;
import org.sightline.alerting.web.AlertingStoreException;
import org.sightline.geo.db.GeoDatabase;

/** Alerts, their sightings and the event log in PostgreSQL ({@code alert}, {@code alert_sighting}, {@code alert_event}). */
@Singleton
public class AlertStore {

    private static final String VIEW = "SELECT a.id, a.entry_id, a.list_code, h.name, a.plate, a.priority, a.covert,"
            + " a.historic, a.state, a.grade, a.explanation, a.place, a.first_seen, a.last_seen, a.sightings, e.reason,"
            + " e.instruction, a.escalated_at, a.acknowledged_by, a.decided_by, a.reject_reason, a.decision_note,"
            + " ST_X(s.geom), ST_Y(s.geom)"
            + " FROM alert a JOIN alert_hotlist_entry e ON e.id = a.entry_id JOIN alert_hotlist h ON h.code = a.list_code"
            + " LEFT JOIN LATERAL (SELECT geom FROM alert_sighting WHERE alert_id = a.id ORDER BY captured_at DESC LIMIT 1) s"
            + " ON true";

    private final GeoDatabase database;

    public AlertStore(GeoDatabase database) {
        this.database = database;
    }

    /** A new connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return database.connect();
    }

    /** What one hit did to the alerts. */
    public record HitOutcome(long alertId, long eventId, boolean created, boolean duplicate) {
    }

    /** One hit to store. */
    public record Hit(UUID entryId, String listCode, String plate, int priority, boolean covert, boolean historic,
                      String grade, String explanation, String place, UUID readId, String cameraId, String plateAsRead,
                      double confidence, Instant capturedAt, Double lon, Double lat) {
    }

    /**
     * Stores a hit in the caller's transaction: it joins the open alert of the same entry seen
     * within {@code joinWindow}, or opens a new one. A read already recorded on that alert (a
     * redelivered message) changes nothing.
     */
    public HitOutcome record(Connection c, Hit hit, Duration joinWindow) throws SQLException {
        Long open = null;
        if (!hit.historic()) {
            try (PreparedStatement st = c.prepareStatement("SELECT id FROM alert WHERE entry_id = ? AND historic = false"
                    + " AND state IN ('NEW', 'ACKNOWLEDGED') AND last_seen >= ? ORDER BY last_seen DESC LIMIT 1 FOR UPDATE")) {
                st.setObject(1, hit.entryId());
                st.setTimestamp(2, Timestamp.from(hit.capturedAt().minus(joinWindow)));
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        open = rs.getLong(1);
                    }
                }
            }
        }
        if (open == null) {
            try (PreparedStatement st = c.prepareStatement("SELECT a.id FROM alert_sighting s JOIN alert a ON a.id = s.alert_id"
                    + " WHERE s.read_id = ? AND a.entry_id = ?")) {
                st.setObject(1, hit.readId());
                st.setObject(2, hit.entryId());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) {
                        return new HitOutcome(rs.getLong(1), -1, false, true);
                    }
                }
            }
        }
        boolean created = open == null;
        long alertId;
        if (created) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert (entry_id, list_code, plate, priority, covert,"
                    + " historic, state, grade, explanation, place, first_seen, last_seen, sightings)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, 0) RETURNING id")) {
                st.setObject(1, hit.entryId());
                st.setString(2, hit.listCode());
                st.setString(3, hit.plate());
                st.setInt(4, hit.priority());
                st.setBoolean(5, hit.covert());
                st.setBoolean(6, hit.historic());
                st.setString(7, hit.grade());
                st.setString(8, hit.explanation());
                st.setString(9, hit.place());
                st.setTimestamp(10, Timestamp.from(hit.capturedAt()));
                st.setTimestamp(11, Timestamp.from(hit.capturedAt()));
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    alertId = rs.getLong(1);
                }
            }
        } else {
            alertId = open;
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_sighting (alert_id, read_id, camera_id,"
                + " plate_as_read, confidence, captured_at, explanation, place, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END)"
                + " ON CONFLICT DO NOTHING")) {
            st.setLong(1, alertId);
            st.setObject(2, hit.readId());
            st.setString(3, hit.cameraId());
            st.setString(4, hit.plateAsRead());
            st.setDouble(5, hit.confidence());
            st.setTimestamp(6, Timestamp.from(hit.capturedAt()));
            st.setString(7, hit.explanation());
            st.setString(8, hit.place());
            st.setObject(9, hit.lon());
            st.setObject(10, hit.lon());
            st.setObject(11, hit.lat());
            if (st.executeUpdate() == 0) {
                return new HitOutcome(alertId, -1, false, true);
            }
        }
        try (PreparedStatement st = c.prepareStatement("UPDATE alert SET sightings = sightings + 1,"
                + " first_seen = LEAST(first_seen, ?), last_seen = GREATEST(last_seen, ?),"
                + " place = CASE WHEN ? >= last_seen THEN ? ELSE place END WHERE id = ?")) {
            Timestamp t = Timestamp.from(hit.capturedAt());
            st.setTimestamp(1, t);
            st.setTimestamp(2, t);
            st.setTimestamp(3, t);
            st.setString(4, hit.place());
            st.setLong(5, alertId);
            st.executeUpdate();
        }
        long eventId = event(c, alertId, created ? (hit.historic() ? "historic" : "created") : "sighting", hit.covert());
        return new HitOutcome(alertId, eventId, created, false);
    }

    /** Appends to the event log; returns the event id. */
    public long event(Connection c, long alertId, String kind, boolean covert) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO alert_event (alert_id, kind, covert) VALUES (?, ?, ?) RETURNING id")) {
            st.setLong(1, alertId);
            st.setString(2, kind);
            st.setBoolean(3, covert);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One entry of the event log. */
    public record EventRow(long id, long alertId, String kind) {
    }

    /** Events after an id, oldest first, without covert ones unless {@code covert}. */
    public List<EventRow> eventsAfter(long afterId, boolean covert, int limit) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement("SELECT id, alert_id, kind"
                + " FROM alert_event WHERE id > ? AND (? OR NOT covert) ORDER BY id LIMIT ?")) {
            st.setLong(1, afterId);
            st.setBoolean(2, covert);
            st.setInt(3, limit);
            List<EventRow> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventRow(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read alert events", e);
        }
    }

    /** The newest event id (0 when none). */
    public long lastEventId() {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT coalesce(max(id), 0) FROM alert_event")) {
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read alert events", e);
        }
    }

    /** Alerts for the feed: open ones (or all), highest priority then newest first. */
    public List<AlertView> list(boolean covert, boolean openOnly, int limit) {
        String sql = VIEW + " WHERE (? OR NOT a.covert)" + (openOnly ? " AND a.state IN ('NEW', 'ACKNOWLEDGED')" : "")
                + " ORDER BY a.priority DESC, a.last_seen DESC LIMIT ?";
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setBoolean(1, covert);
            st.setInt(2, limit);
            return views(st);
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read alerts", e);
        }
    }

    /** One alert. */
    public Optional<AlertView> find(long id) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(VIEW + " WHERE a.id = ?")) {
            st.setLong(1, id);
            return views(st).stream().findFirst();
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read alert " + id, e);
        }
    }

    /** An alert's sightings, newest first. */
    public List<SightingView> sightings(long alertId) {
        return sightingQuery("SELECT read_id, camera_id, plate_as_read, confidence, captured_at, explanation, place,"
                + " ST_X(geom), ST_Y(geom) FROM alert_sighting WHERE alert_id = ? ORDER BY captured_at DESC LIMIT 500", alertId);
    }

    /**
     * Every stored read of a plate since a time, oldest first (ingest's {@code plate_read}); the
     * plate's path across the cameras. Empty when ingest's table is not there.
     */
    public List<SightingView> readsOfPlate(String plate, Instant since) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT read_id, camera_id, plate_as_read, confidence, captured_at, '', '', ST_X(geom), ST_Y(geom)"
                        + " FROM plate_read WHERE plate = ? AND captured_at >= ? ORDER BY captured_at LIMIT 500")) {
            st.setString(1, plate);
            st.setTimestamp(2, Timestamp.from(since));
            return sightings(st);
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of();
            }
            throw new AlertingStoreException("cannot read the sightings of " + plate, e);
        }
    }

    /**
     * Applies an operator's decision when the alert is in a state that allows it.
     *
     * @return the new state, or empty when the alert is missing or in the wrong state
     */
    public Optional<AlertState> decide(Connection c, long id, AlertState from, AlertState to, Decision d, String user,
                                       Instant at) throws SQLException {
        String sql = to == AlertState.ACKNOWLEDGED
                ? "UPDATE alert SET state = ?, acknowledged_by = ?, acknowledged_at = ? WHERE id = ? AND state = ?"
                : "UPDATE alert SET state = ?, decided_by = ?, decided_at = ?, reject_reason = ?, decision_note = ?"
                        + " WHERE id = ? AND state = ?";
        try (PreparedStatement st = c.prepareStatement(sql)) {
            int i = 1;
            st.setString(i++, to.name());
            st.setString(i++, user);
            st.setTimestamp(i++, Timestamp.from(at));
            if (to != AlertState.ACKNOWLEDGED) {
                st.setString(i++, d.reason() == null ? null : d.reason().name());
                st.setString(i++, d.note());
            }
            st.setLong(i++, id);
            st.setString(i, from.name());
            return st.executeUpdate() == 1 ? Optional.of(to) : Optional.empty();
        }
    }

    /** Marks NEW alerts of at least {@code minPriority} created before {@code before} escalated; returns them. */
    public List<long[]> escalate(Connection c, Instant before, int minPriority) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("UPDATE alert SET escalated_at = now() WHERE state = 'NEW'"
                + " AND escalated_at IS NULL AND historic = false AND priority >= ? AND created_at < ?"
                + " RETURNING id, CASE WHEN covert THEN 1 ELSE 0 END")) {
            st.setInt(1, minPriority);
            st.setTimestamp(2, Timestamp.from(before));
            List<long[]> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            return out;
        }
    }

    private List<SightingView> sightingQuery(String sql, long id) {
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, id);
            return sightings(st);
        } catch (SQLException e) {
            throw new AlertingStoreException("cannot read sightings", e);
        }
    }

    private static List<SightingView> sightings(PreparedStatement st) throws SQLException {
        List<SightingView> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                out.add(new SightingView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getDouble(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), (Double) rs.getObject(8),
                        (Double) rs.getObject(9)));
            }
        }
        return out;
    }

    private static List<AlertView> views(PreparedStatement st) throws SQLException {
        List<AlertView> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Timestamp esc = rs.getTimestamp(18);
                out.add(new AlertView(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), AlertState.valueOf(rs.getString(9)),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
                        rs.getTimestamp(14).toInstant(), rs.getInt(15), rs.getString(16), rs.getString(17),
                        esc == null ? null : esc.toInstant(), rs.getString(19), rs.getString(20), rs.getString(21),
                        rs.getString(22), (Double) rs.getObject(23), (Double) rs.getObject(24)));
            }
        }
        return out;
    }
}
