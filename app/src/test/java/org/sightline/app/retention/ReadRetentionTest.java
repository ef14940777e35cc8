package org.sightline.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.platform.audit.AuditLog;
import org.sightline.testing.TestDatabase;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadRetentionTest implements SightlineTestProperties {

    @Inject
    ReadRetention job;

    @Inject
    AuditLog audit;

    private static void insertRead(Instant at) throws SQLException {
        try (Connection c = TestDatabase.get().connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ingest_ensure_plate_read_partition(?)")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC).toLocalDate());
                ps.execute();
            }
            UUID id = UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence,
                                            captured_at, received_at, late, position_from_camera, geom)
                    VALUES (?, 'U-RET', 'C-RET', 'RT26RET', 'RT26RET', true, 0.9, ?, ?, false, true,
                            ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))""")) {
                ps.setObject(1, id);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.setTimestamp(3, Timestamp.from(at));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO plate_read_key (read_id, captured_at) VALUES (?, ?)")) {
                ps.setObject(1, id);
                ps.setTimestamp(2, Timestamp.from(at));
                ps.executeUpdate();
            }
        }
    }

    private static void insertDeadLetter(Instant at) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO dead_letter (topic, payload, payload_bytes, reason, received_at) VALUES ('retention-test', ?, 3, 'test', ?)")) {
            ps.setBytes(1, "{}x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ps.setTimestamp(2, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void readsOlderThanTheRetentionPeriodAreDroppedByWholeDaysAndAudited() throws SQLException {
        // noon of today, by the real clock: the reads it keeps must stay inside the retention period
        // for the other tests of this run too (a fixed date made its 364-day-old read too old for
        // the compliance report's findings a few days later)
        Instant now = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
        insertRead(now.minus(400, ChronoUnit.DAYS));
        insertRead(now.minus(400, ChronoUnit.DAYS).plusSeconds(60));
        insertRead(now.minus(366, ChronoUnit.DAYS));
        insertRead(now.minus(364, ChronoUnit.DAYS));
        insertRead(now.minus(1, ChronoUnit.DAYS));
        insertDeadLetter(now.minus(380, ChronoUnit.DAYS));
        insertDeadLetter(now.minus(20, ChronoUnit.DAYS));
        String oldDay = LocalDate.ofInstant(now.minus(400, ChronoUnit.DAYS), ZoneOffset.UTC).toString().replace("-", "");

        ReadRetention.Purge purge = job.purge(now);

        assertThat(purge.partitions()).contains("plate_read_" + oldDay).hasSize(2);
        assertThat(purge.reads()).isEqualTo(3);
        assertThat(purge.keys()).isEqualTo(3);
        assertThat(purge.deadLetters()).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM dead_letter WHERE topic = 'retention-test'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM plate_read WHERE unit_id = 'U-RET'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM pg_class WHERE relname = 'plate_read_" + oldDay + "'")).isZero();
        StringBuilder trail = new StringBuilder();
        audit.forEach(e -> trail.append(e.event().action()).append(' ').append(e.event().details()).append('\n'));
        assertThat(trail.toString()).contains("retention.reads.purge partitions=2;reads=3;keys=3;dead-letters=1;retention=365d");

        // a second run finds nothing more to remove
        assertThat(job.purge(now).partitions()).isEmpty();
    }
}
