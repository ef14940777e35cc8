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

    /** The alert as {@link #view(ResultSet)} reads it (columns 1-24); callers append joins and conditions. */
    static final String VIEW = "SELECT a.id, a.entry_id, a.list_code, h.name, a.plate, a.priority, a.covert,"
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
     * redelivered message) changes nothing. Two statements per hit (the alert path waits for
     * them): one to find the open alert and an earlier recording of the read, one to write.
     */
    public HitOutcome record(Connection c, Hit hit, Duration joinWindow) throws SQLException {
        Long open = null;
        Long seen = null;
        try (PreparedStatement st = c.prepareStatement("SELECT (SELECT id FROM alert WHERE entry_id = ? AND NOT ?"
                + " AND historic = false AND state IN ('NEW', 'ACKNOWLEDGED') AND last_seen >= ?"
                + " ORDER BY last_seen DESC LIMIT 1 FOR UPDATE),"
                + " (SELECT a.id FROM alert_sighting s JOIN alert a ON a.id = s.alert_id WHERE s.read_id = ? AND a.entry_id = ?"
                + " LIMIT 1)")) {
            st.setObject(1, hit.entryId());
            st.setBoolean(2, hit.historic());
            st.setTimestamp(3, Timestamp.from(hit.capturedAt().minus(joinWindow)));
            st.setObject(4, hit.readId());
            st.setObject(5, hit.entryId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                open = (Long) rs.getObject(1);
                seen = (Long) rs.getObject(2);
            }
        }
        if (open == null && seen != null) {
            return new HitOutcome(seen, -1, false, true);
        }
        return open == null ? open(c, hit) : join(c, hit, open);
    }

    private static final String SIGHTING_VALUES = "?, ?, ?, ?, ?, ?, ?,"
            + " CASE WHEN ?::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(?, ?), 4326) END";

    /** A new alert with its first sighting and its event, in one statement. */
    private HitOutcome open(Connection c, Hit hit) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("WITH a AS (INSERT INTO alert (entry_id, list_code, plate, priority,"
                + " covert, historic, state, grade, explanation, place, first_seen, last_seen, sightings)"
                + " VALUES (?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?, ?, 1) RETURNING id),"
                + " s AS (INSERT INTO alert_sighting (alert_id, read_id, camera_id, plate_as_read, confidence, captured_at,"
                + " explanation, place, geom) SELECT a.id, " + SIGHTING_VALUES + " FROM a RETURNING alert_id),"
                + " e AS (INSERT INTO alert_event (alert_id, kind, covert, mqtt_pending) SELECT alert_id, ?, ?, ? FROM s"
                + " RETURNING id, alert_id)"
                + " SELECT alert_id, id FROM e")) {
            Timestamp t = Timestamp.from(hit.capturedAt());
            int i = 1;
            st.setObject(i++, hit.entryId());
            st.setString(i++, hit.listCode());
            st.setString(i++, hit.plate());
            st.setInt(i++, hit.priority());
            st.setBoolean(i++, hit.covert());
            st.setBoolean(i++, hit.historic());
            st.setString(i++, hit.grade());
            st.setString(i++, hit.explanation());
            st.setString(i++, hit.place());
            st.setTimestamp(i++, t);
            st.setTimestamp(i++, t);
            i = sighting(st, i, hit);
            st.setString(i++, hit.historic() ? "historic" : "created");
            st.setBoolean(i++, hit.covert());
            st.setBoolean(i, !hit.covert()); // other systems are told of every new alert but a covert one
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new HitOutcome(rs.getLong(1), rs.getLong(2), true, false);
            }
        }
    }

    /** Adds a sighting to an open alert, updates it and logs the event, in one statement; nothing for a read it has. */
    private HitOutcome join(Connection c, Hit hit, long alertId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("WITH s AS (INSERT INTO alert_sighting (alert_id, read_id, camera_id,"
                + " plate_as_read, confidence, captured_at, explanation, place, geom) VALUES (?, " + SIGHTING_VALUES + ")"
                + " ON CONFLICT DO NOTHING RETURNING alert_id),"
                + " u AS (UPDATE alert SET sightings = sightings + 1, first_seen = LEAST(first_seen, ?),"
                + " last_seen = GREATEST(last_seen, ?), place = CASE WHEN ? >= last_seen THEN ? ELSE place END"
                + " WHERE id = (SELECT alert_id FROM s) RETURNING id),"
                + " e AS (INSERT INTO alert_event (alert_id, kind, covert) SELECT id, 'sighting', ? FROM u RETURNING id)"
                + " SELECT id FROM e")) {
            Timestamp t = Timestamp.from(hit.capturedAt());
            int i = 1;
            st.setLong(i++, alertId);
            i = sighting(st, i, hit);
            st.setTimestamp(i++, t);
            st.setTimestamp(i++, t);
            st.setTimestamp(i++, t);
            st.setString(i++, hit.place());
            st.setBoolean(i, hit.covert());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? new HitOutcome(alertId, rs.getLong(1), false, false) : new HitOutcome(alertId, -1, false, true);
            }
        }
    }

    /** Sets the sighting's values from {@code i}; returns the next parameter index. */
    private static int sighting(PreparedStatement st, int i, Hit hit) throws SQLException {
        st.setObject(i++, hit.readId());
        st.setString(i++, hit.cameraId());
        st.setString(i++, hit.plateAsRead());
        st.setDouble(i++, hit.confidence());
        st.setTimestamp(i++, Timestamp.from(hit.capturedAt()));
        st.setString(i++, hit.explanation());
        st.setString(i++, hit.place());
        st.setObject(i++, hit.lon());
        st.setObject(i++, hit.lon());
        st.setObject(i++, hit.lat());
        return i;
    }

    /**
     * Appends to the event log; returns the event id.
     *
     * @param outbound true to put the event in the MQTT outbox (published after the commit by a
     *                 running service, at least once)
     */
    public long event(Connection c, long alertId, String kind, boolean covert, boolean outbound) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT INTO alert_event (alert_id, kind, covert, mqtt_pending) VALUES (?, ?, ?, ?) RETURNING id")) {
            st.setLong(1, alertId);
            st.setString(2, kind);
            st.setBoolean(3, covert);
            st.setBoolean(4, outbound && !covert);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** One entry of the event log with its alert as it is now. */
    public record EventView(long id, String kind, AlertView alert) {
    }

    /**
     * Events after an id with their alerts as they are now, oldest first, without covert ones
     * unless {@code covert}: one query for the console's stream.
     */
    public List<EventView> eventViewsAfter(long afterId, boolean covert, int limit) {
        String sql = VIEW.replace(" FROM alert a ", ", ev.id, ev.kind FROM alert_event ev JOIN alert a ON a.id = ev.alert_id ")
                + " WHERE ev.id > ? AND (? OR NOT ev.covert) ORDER BY ev.id LIMIT ?";
        try (Connection c = database.connect(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, afterId);
            st.setBoolean(2, covert);
            st.setInt(3, limit);
            List<EventView> out = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventView(rs.getLong(25), rs.getString(26), view(rs)));
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
                out.add(view(rs));
            }
        }
        return out;
    }

    static AlertView view(ResultSet rs) throws SQLException {
        Timestamp esc = rs.getTimestamp(18);
        return new AlertView(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getInt(6), rs.getBoolean(7), rs.getBoolean(8), AlertState.valueOf(rs.getString(9)),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getTimestamp(13).toInstant(),
                rs.getTimestamp(14).toInstant(), rs.getInt(15), rs.getString(16), rs.getString(17),
                esc == null ? null : esc.toInstant(), rs.getString(19), rs.getString(20), rs.getString(21),
                rs.getString(22), (Double) rs.getObject(23), (Double) rs.getObject(24));
    }
}
