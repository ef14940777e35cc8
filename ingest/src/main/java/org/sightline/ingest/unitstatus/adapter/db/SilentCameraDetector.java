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
import org.sightline.ingest.unitstatus.domain.SilentCameraRule;

/**
 * Applies the {@link SilentCameraRule} to every ANPR camera on a unit: counts its reads in the last
 * hour and in the same hour of the previous four weeks, records the verdict in
 * {@code camera_status}, and returns the cameras whose verdict changed (for history and events).
 */
public final class SilentCameraDetector {

    private static final int WEEKS = 4;
    private static final String COUNTS = """
            SELECT c.id, c.unit_id,
                   (SELECT count(*) FROM plate_read r WHERE r.camera_id = c.id
                       AND r.captured_at > ?::timestamptz - interval '1 hour' AND r.captured_at <= ?::timestamptz),
                   ARRAY(SELECT (SELECT count(*) FROM plate_read r WHERE r.camera_id = c.id
                                   AND r.captured_at > ?::timestamptz - make_interval(days => 7 * k) - interval '1 hour'
                                   AND r.captured_at <= ?::timestamptz - make_interval(days => 7 * k))
                         FROM generate_series(1, ?::int) AS k ORDER BY k),
                   coalesce(s.silent, false)
            FROM geo_camera c JOIN geo_roadside_unit u ON u.id = c.unit_id AND u.status <> 'DECOMMISSIONED'
            LEFT JOIN camera_status s ON s.camera_id = c.id
            WHERE c.kind = 'ANPR'""";

    private final DataSource dataSource;
    private final SilentCameraRule rule;

    public SilentCameraDetector(DataSource dataSource, SilentCameraRule rule) {
        this.dataSource = dataSource;
        this.rule = rule;
    }

    /** Judges every camera at {@code now}; returns the changes (to SILENT with the evidence, or back to OK). */
    public List<UnitStatusStore.Change> check(Instant now) throws SQLException {
        List<UnitStatusStore.Change> changes = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                // one instance judges at a time; the others skip this round
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext('ingest-silent-camera'))");
                     ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        c.rollback();
                        return changes;
                    }
                }
                List<Object[]> verdicts = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(COUNTS)) {
                    Timestamp t = Timestamp.from(now);
                    ps.setTimestamp(1, t);
                    ps.setTimestamp(2, t);
                    ps.setTimestamp(3, t);
                    ps.setTimestamp(4, t);
                    ps.setInt(5, WEEKS);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            Array a = rs.getArray(4);
                            Object[] raw = (Object[]) a.getArray();
                            long[] weeks = new long[raw.length];
                            for (int i = 0; i < raw.length; i++) {
                                weeks[i] = ((Number) raw[i]).longValue();
                            }
                            Optional<String> evidence = rule.evidence(rs.getLong(3), weeks);
                            boolean was = rs.getBoolean(5);
                            if (evidence.isPresent() != was) {
                                verdicts.add(new Object[] {rs.getString(1), rs.getString(2), evidence});
                            }
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO camera_status (camera_id, unit_id, fault, reason, since, "
                        + "silent, silent_evidence) VALUES (?, ?, false, '', ?, ?, ?) ON CONFLICT (camera_id) DO UPDATE SET "
                        + "silent = excluded.silent, silent_evidence = excluded.silent_evidence")) {
                    for (Object[] v : verdicts) {
                        @SuppressWarnings("unchecked")
                        Optional<String> evidence = (Optional<String>) v[2];
                        ps.setString(1, (String) v[0]);
                        ps.setString(2, (String) v[1]);
                        ps.setTimestamp(3, Timestamp.from(now));
                        ps.setBoolean(4, evidence.isPresent());
                        ps.setString(5, evidence.orElse(""));
                        ps.executeUpdate();
                        changes.add(new UnitStatusStore.Change((String) v[1], Optional.of((String) v[0]),
                                evidence.isPresent() ? "OK" : "SILENT", evidence.isPresent() ? "SILENT" : "OK", now,
                                evidence.orElse("read rate back to its usual level")));
                    }
                }
                UnitStatusStore.history(c, changes);
                c.commit();
                return changes;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
