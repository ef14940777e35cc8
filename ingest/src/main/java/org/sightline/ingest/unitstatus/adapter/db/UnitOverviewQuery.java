package org.sightline.ingest.unitstatus.adapter.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** What the engineer page shows: every registered unit with its status, health, read rate and faults. */
public final class UnitOverviewQuery {

    /** Hours of read-rate history per unit (the sparkline). */
    public static final int HOURS = 12;
    /** Below this free disk a unit needs a visit. */
    public static final long LOW_DISK_BYTES = 2L * 1024 * 1024 * 1024;

    /** One camera at fault. */
    public record Fault(String cameraId, String reason, Instant since) {
    }

    /** One unit. */
    public record Unit(String unitId, String name, double lon, double lat, String registryStatus, String state,
                       Optional<Instant> since, Optional<Instant> lastHeartbeatAt, String firmware, Optional<Long> diskFreeBytes,
                       Optional<Double> temperatureCelsius, long readsLastHour, long[] readsPerHour, List<Fault> faults,
                       List<String> visitReasons) {
    }

    /** One entry of a unit's timeline. */
    public record HistoryEntry(Optional<String> cameraId, String from, String to, Instant at, String reason) {
    }

    private final DataSource dataSource;

    public UnitOverviewQuery(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Unit> listUnits(Instant now) throws SQLException {
        String sql = """
                SELECT u.id, u.name, ST_X(u.geom), ST_Y(u.geom), u.status, coalesce(s.state, 'UNKNOWN'), s.since, s.last_heartbeat_at,
                       coalesce(s.firmware, ''), s.disk_free_bytes, s.temperature_celsius,
                       (SELECT array_agg(coalesce(r.n, 0) ORDER BY h.i)
                          FROM generate_series(0, ?::int - 1) AS h(i)
                          LEFT JOIN (SELECT floor(extract(epoch FROM (?::timestamptz - captured_at)) / 3600)::int AS i, count(*) AS n
                                       FROM plate_read WHERE unit_id = u.id AND captured_at > ?::timestamptz - make_interval(hours => ?::int)
                                        AND captured_at <= ?::timestamptz GROUP BY 1) r ON r.i = h.i) AS per_hour,
                       (SELECT array_agg(c.camera_id || chr(31) || CASE WHEN c.fault THEN c.reason ELSE c.silent_evidence END
                                         || chr(31) || extract(epoch FROM c.since)::bigint::text)
                          FROM camera_status c WHERE c.unit_id = u.id AND (c.fault OR c.silent)) AS faults
                FROM geo_roadside_unit u LEFT JOIN unit_status s ON s.unit_id = u.id
                WHERE u.status <> 'DECOMMISSIONED'
                ORDER BY u.id""";
        List<Unit> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            Timestamp t = Timestamp.from(now);
            ps.setInt(1, HOURS);
            ps.setTimestamp(2, t);
            ps.setTimestamp(3, t);
            ps.setInt(4, HOURS);
            ps.setTimestamp(5, t);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] perHour = new long[HOURS];
                    Array a = rs.getArray(12);
                    if (a != null) {
                        Object[] vals = (Object[]) a.getArray();
                        for (int i = 0; i < vals.length && i < HOURS; i++) {
                            perHour[HOURS - 1 - i] = ((Number) vals[i]).longValue(); // oldest first
                        }
                    }
                    List<Fault> faults = new ArrayList<>();
                    Array f = rs.getArray(13);
                    if (f != null) {
                        for (Object o : (Object[]) f.getArray()) {
                            String[] parts = ((String) o).split("\u001f", 3);
                            faults.add(new Fault(parts[0], parts[1], Instant.ofEpochSecond(Long.parseLong(parts[2]))));
                        }
                    }
                    String state = rs.getString(6);
                    Long disk = (Long) rs.getObject(10);
                    Number temp = (Number) rs.getObject(11);
                    List<String> visit = new ArrayList<>();
                    if (state.equals("OFFLINE")) {
                        visit.add("offline");
                    } else if (state.equals("STALE")) {
                        visit.add("heartbeats late");
                    }
                    if (!faults.isEmpty()) {
                        visit.add(faults.size() == 1 ? "camera fault" : faults.size() + " camera faults");
                    }
                    if (disk != null && disk < LOW_DISK_BYTES) {
                        visit.add("disk nearly full");
                    }
                    if (rs.getString(5).equals("FAULTY")) {
                        visit.add("marked faulty in the estate");
                    }
                    out.add(new Unit(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5), state,
                            ts(rs, 7), ts(rs, 8), rs.getString(9), Optional.ofNullable(disk),
                            Optional.ofNullable(temp).map(Number::doubleValue), perHour[HOURS - 1], perHour, faults, visit));
                }
            }
        }
        return out;
    }

    /** The unit's status timeline, newest first. */
    public List<HistoryEntry> history(String unitId, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT camera_id, from_state, to_state, at, reason FROM unit_status_history "
                     + "WHERE unit_id = ? ORDER BY at DESC, id DESC LIMIT ?")) {
            ps.setString(1, unitId);
            ps.setInt(2, limit);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(Optional.ofNullable(rs.getString(1)), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant(), rs.getString(5)));
                }
            }
            return out;
        }
    }

    /** True when the unit is registered. */
    public boolean exists(String unitId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM geo_roadside_unit WHERE id = ?")) {
            ps.setString(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Instant> ts(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return Optional.ofNullable(t).map(Timestamp::toInstant);
    }
}
