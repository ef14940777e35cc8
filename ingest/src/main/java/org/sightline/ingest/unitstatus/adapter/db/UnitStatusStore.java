package org.sightline.ingest.unitstatus.adapter.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.sightline.ingest.unitstatus.domain.CameraHealth;
import org.sightline.ingest.unitstatus.domain.UnitHealth;
import org.sightline.ingest.unitstatus.domain.UnitState;
import org.sightline.ingest.unitstatus.domain.UnitStatus;

/**
 * Unit and camera status in PostgreSQL, the one truth shared by every service instance: each event
 * is applied to the row under a lock, so a transition is recorded (and announced) once however
 * many instances see it.
 */
public final class UnitStatusStore {

    /** A recorded change, for the history and the event stream; {@code cameraId} is empty for the unit itself. */
    public record Change(String unitId, Optional<String> cameraId, String from, String to, Instant at, String reason) {
    }

    private final DataSource dataSource;

    public UnitStatusStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies an event to a unit's status in one transaction, with the heartbeat's details when
     * there is one, and returns the changes it caused.
     */
    public List<Change> apply(String unitId, Function<UnitStatus, UnitStatus.Step> event, Optional<UnitHealth> health,
                              Duration heartbeatInterval) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Change> changes = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_status (unit_id, state, since) VALUES (?, 'UNKNOWN', now()) "
                        + "ON CONFLICT DO NOTHING")) {
                    ps.setString(1, unitId);
                    ps.executeUpdate();
                }
                UnitStatus current;
                try (PreparedStatement ps = c.prepareStatement("SELECT state, since, last_heartbeat_at FROM unit_status WHERE unit_id = ? FOR UPDATE")) {
                    ps.setString(1, unitId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        Timestamp hb = rs.getTimestamp(3);
                        current = new UnitStatus(UnitState.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
                                Optional.ofNullable(hb).map(Timestamp::toInstant));
                    }
                }
                UnitStatus.Step step = event.apply(current);
                UnitStatus next = step.status();
                try (PreparedStatement ps = c.prepareStatement("UPDATE unit_status SET state = ?, since = ?, last_heartbeat_at = ? WHERE unit_id = ?")) {
                    ps.setString(1, next.state().name());
                    ps.setTimestamp(2, Timestamp.from(next.since()));
                    ps.setTimestamp(3, next.lastHeartbeatAt().map(Timestamp::from).orElse(null));
                    ps.setString(4, unitId);
                    ps.executeUpdate();
                }
                step.transition().ifPresent(t -> changes.add(new Change(unitId, Optional.empty(), t.from().name(), t.to().name(), t.at(), t.reason())));
                if (health.isPresent()) {
                    saveHealth(c, unitId, health.get());
                    changes.addAll(cameras(c, unitId, health.get(), heartbeatInterval));
                }
                for (Change ch : changes) {
                    history(c, ch);
                }
                c.commit();
                return changes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A unit still ONLINE or STALE whose heartbeats have stopped, with its last one. */
    public record Silent(String unitId, Instant lastHeartbeatAt) {
    }

    /** Units whose last heartbeat is older than {@code olderThan}, still ONLINE or STALE. */
    public List<Silent> silentUnits(Instant olderThan) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT unit_id, last_heartbeat_at FROM unit_status WHERE state IN ('ONLINE', 'STALE') "
                     + "AND last_heartbeat_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(olderThan));
            List<Silent> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Silent(rs.getString(1), rs.getTimestamp(2).toInstant()));
                }
            }
            return out;
        }
    }

    private static void saveHealth(Connection c, String unitId, UnitHealth h) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE unit_status SET firmware = ?, uptime_seconds = ?, "
                + "temperature_celsius = ?, disk_free_bytes = ?, reads_since_last = ? WHERE unit_id = ?")) {
            ps.setString(1, h.firmware());
            ps.setLong(2, h.uptimeSeconds());
            if (h.temperatureCelsius().isPresent()) {
                ps.setDouble(3, h.temperatureCelsius().getAsDouble());
            } else {
                ps.setNull(3, Types.REAL);
            }
            if (h.diskFreeBytes().isPresent()) {
                ps.setLong(4, h.diskFreeBytes().getAsLong());
            } else {
                ps.setNull(4, Types.BIGINT);
            }
            if (h.readsSinceLastHeartbeat().isPresent()) {
                ps.setLong(5, h.readsSinceLastHeartbeat().getAsLong());
            } else {
                ps.setNull(5, Types.BIGINT);
            }
            ps.setString(6, unitId);
            ps.executeUpdate();
        }
    }

    private static List<Change> cameras(Connection c, String unitId, UnitHealth h, Duration interval) throws SQLException {
        List<Change> changes = new ArrayList<>();
        for (CameraHealth cam : h.cameras()) {
            Optional<String> fault = cam.fault(h.sentAt(), interval.multipliedBy(2));
            Boolean wasFault = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT fault FROM camera_status WHERE camera_id = ?")) {
                ps.setString(1, cam.cameraId().value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        wasFault = rs.getBoolean(1);
                    }
                }
            }
            boolean changed = wasFault == null ? fault.isPresent() : wasFault != fault.isPresent();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO camera_status (camera_id, unit_id, fault, reason, fps, since) "
                    + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (camera_id) DO UPDATE SET unit_id = excluded.unit_id, fault = excluded.fault, "
                    + "reason = excluded.reason, fps = excluded.fps, since = CASE WHEN camera_status.fault = excluded.fault "
                    + "THEN camera_status.since ELSE excluded.since END")) {
                ps.setString(1, cam.cameraId().value());
                ps.setString(2, unitId);
                ps.setBoolean(3, fault.isPresent());
                ps.setString(4, fault.orElse(""));
                if (cam.fps().isPresent()) {
                    ps.setDouble(5, cam.fps().getAsDouble());
                } else {
                    ps.setNull(5, Types.REAL);
                }
                ps.setTimestamp(6, Timestamp.from(h.sentAt()));
                ps.executeUpdate();
            }
            if (changed) {
                changes.add(new Change(unitId, Optional.of(cam.cameraId().value()), fault.isPresent() ? "OK" : "FAULT",
                        fault.isPresent() ? "FAULT" : "OK", h.sentAt(), fault.orElse("camera working again")));
            }
        }
        return changes;
    }

    /** Records changes in the history, in the caller's transaction. */
    static void history(Connection c, List<Change> changes) throws SQLException {
        for (Change ch : changes) {
            history(c, ch);
        }
    }

    private static void history(Connection c, Change ch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_status_history (unit_id, camera_id, from_state, to_state, at, reason) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, ch.unitId());
            ps.setString(2, ch.cameraId().orElse(null));
            ps.setString(3, ch.from());
            ps.setString(4, ch.to());
            ps.setTimestamp(5, Timestamp.from(ch.at()));
            ps.setString(6, ch.reason());
            ps.executeUpdate();
        }
    }
}
