package org.sightline.alerting.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.alerting.retention.domain.PurgeCounts;
import org.sightline.alerting.retention.domain.PurgeCutoffs;
import org.sightline.testing.TestDatabase;

/** Retention of alerts and hotlist entries on the real schema: only what is past its period goes. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertingPurgeTest implements TestPropertyProvider {

    private static final Duration REJECTED = Duration.ofDays(90);
    private static final Duration ACCEPTED = Duration.ofDays(365);
    private static final Duration READS = Duration.ofDays(365);
    private static final Duration GRACE = Duration.ofDays(30);

    @Inject
    AlertingPurge purge;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    private static Instant daysAgo(Instant now, long days) {
        return now.minus(days, ChronoUnit.DAYS);
    }

    private static UUID entry(Connection c, String list, String plate, Instant expires, Instant removed) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_hotlist_entry (id, list_code, plate, reason, priority,"
                + " valid_from, expires_at, created_by, created_at, removed_at, removed_by) VALUES (?, ?, ?, 'test', 50, ?, ?, 'test', ?, ?, ?)")) {
            st.setObject(1, id);
            st.setString(2, list);
            st.setString(3, plate);
            st.setTimestamp(4, Timestamp.from(expires.minus(400, ChronoUnit.DAYS)));
            st.setTimestamp(5, Timestamp.from(expires));
            st.setTimestamp(6, Timestamp.from(expires.minus(400, ChronoUnit.DAYS)));
            st.setTimestamp(7, removed == null ? null : Timestamp.from(removed));
            st.setString(8, removed == null ? null : "test");
            st.executeUpdate();
        }
        return id;
    }

    /** An alert with two sightings and two console events. */
    private static long alert(Connection c, UUID entry, String list, String plate, String state, Instant lastSeen, Instant decided)
            throws SQLException {
        long id;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert (entry_id, list_code, plate, priority, covert, state,"
                + " grade, explanation, first_seen, last_seen, sightings, decided_by, decided_at, reject_reason)"
                + " VALUES (?, ?, ?, 50, false, ?, 'EXACT', 'exact', ?, ?, 2, ?, ?, ?) RETURNING id")) {
            st.setObject(1, entry);
            st.setString(2, list);
            st.setString(3, plate);
            st.setString(4, state);
            st.setTimestamp(5, Timestamp.from(lastSeen.minusSeconds(120)));
            st.setTimestamp(6, Timestamp.from(lastSeen));
            st.setString(7, decided == null ? null : "op");
            st.setTimestamp(8, decided == null ? null : Timestamp.from(decided));
            st.setString(9, "REJECTED".equals(state) ? "MISREAD" : null);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        for (int i = 0; i < 2; i++) {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_sighting (alert_id, read_id, camera_id, plate_as_read,"
                    + " confidence, captured_at, explanation, geom) VALUES (?, ?, 'CAM-P', ?, 0.9, ?, 'exact',"
                    + " ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))")) {
                st.setLong(1, id);
                st.setObject(2, UUID.randomUUID());
                st.setString(3, plate);
                st.setTimestamp(4, Timestamp.from(lastSeen.minusSeconds(120L * i)));
                st.executeUpdate();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_event (alert_id, kind, covert, at) VALUES (?, 'created', false, ?)")) {
                st.setLong(1, id);
                st.setTimestamp(2, Timestamp.from(lastSeen));
                st.executeUpdate();
            }
        }
        return id;
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean alertExists(Connection c, long id) throws SQLException {
        return count(c, "SELECT count(*) FROM alert WHERE id = ?", id) == 1;
    }

    private static boolean entryExists(Connection c, UUID id) throws SQLException {
        return count(c, "SELECT count(*) FROM alert_hotlist_entry WHERE id = ?", id) == 1;
    }

    @Test
    void onlyAlertsAndEntriesPastTheirPeriodGoWithTheirSightingsAndEvents() throws SQLException {
        Instant now = Instant.now();
        try (Connection c = TestDatabase.get().connect()) {
            c.createStatement().execute("INSERT INTO alert_hotlist (code, name, kind, scope) VALUES ('purge-test', 'Purge test', 'WANTED', 'ANYWHERE')");
            UUID live = entry(c, "purge-test", "PG01AAA", daysAgo(now, -30), null);
            UUID expiredLongAgo = entry(c, "purge-test", "PG02AAA", daysAgo(now, 60), null);
            UUID expiredRecently = entry(c, "purge-test", "PG03AAA", daysAgo(now, 10), null);
            UUID removedLongAgo = entry(c, "purge-test", "PG04AAA", daysAgo(now, -100), daysAgo(now, 40));
            UUID removedRecently = entry(c, "purge-test", "PG05AAA", daysAgo(now, -100), daysAgo(now, 5));
            UUID heldByAcceptedAlert = entry(c, "purge-test", "PG06AAA", daysAgo(now, 60), null);
            UUID freedByRejectedAlert = entry(c, "purge-test", "PG07AAA", daysAgo(now, 200), null);

            long rejectedOld = alert(c, freedByRejectedAlert, "purge-test", "PG07AAA", "REJECTED", daysAgo(now, 101), daysAgo(now, 100));
            long rejectedRecent = alert(c, live, "purge-test", "PG01AAA", "REJECTED", daysAgo(now, 11), daysAgo(now, 10));
            long acceptedKept = alert(c, heldByAcceptedAlert, "purge-test", "PG06AAA", "ACCEPTED", daysAgo(now, 101), daysAgo(now, 100));
            long acceptedOld = alert(c, live, "purge-test", "PG01AAA", "ACCEPTED", daysAgo(now, 370), daysAgo(now, 366));
            // decided recently, but its sightings are older than the reads are kept
            long acceptedLateSightingsOld = alert(c, live, "purge-test", "PG01AAA", "ACCEPTED", daysAgo(now, 380), daysAgo(now, 300));
            long neverDecidedOld = alert(c, live, "purge-test", "PG01AAA", "NEW", daysAgo(now, 366), null);
            long acknowledgedRecent = alert(c, live, "purge-test", "PG01AAA", "ACKNOWLEDGED", daysAgo(now, 1), null);

            PurgeCounts counts = purge.purge(PurgeCutoffs.asOf(now, REJECTED, ACCEPTED, READS, GRACE));

            assertThat(counts.rejectedAlerts()).isEqualTo(1);
            assertThat(counts.acceptedAlerts()).isEqualTo(2);
            assertThat(counts.undecidedAlerts()).isEqualTo(1);
            assertThat(counts.sightings()).isEqualTo(8);
            assertThat(counts.events()).isEqualTo(8);
            assertThat(counts.entries()).isEqualTo(3);
            assertThat(counts.entriesHeld()).isEqualTo(1);

            assertThat(alertExists(c, rejectedOld)).isFalse();
            assertThat(alertExists(c, acceptedOld)).isFalse();
            assertThat(alertExists(c, acceptedLateSightingsOld)).isFalse();
            assertThat(alertExists(c, neverDecidedOld)).isFalse();
            assertThat(alertExists(c, rejectedRecent)).isTrue();
            assertThat(alertExists(c, acceptedKept)).isTrue();
            assertThat(alertExists(c, acknowledgedRecent)).isTrue();
            assertThat(count(c, "SELECT count(*) FROM alert_sighting WHERE alert_id IN (?, ?, ?, ?)",
                    rejectedOld, acceptedOld, acceptedLateSightingsOld, neverDecidedOld)).isZero();
            assertThat(count(c, "SELECT count(*) FROM alert_event WHERE alert_id IN (?, ?, ?, ?)",
                    rejectedOld, acceptedOld, acceptedLateSightingsOld, neverDecidedOld)).isZero();
            assertThat(count(c, "SELECT count(*) FROM alert_sighting WHERE alert_id IN (?, ?, ?)",
                    rejectedRecent, acceptedKept, acknowledgedRecent)).isEqualTo(6);
            assertThat(count(c, "SELECT count(*) FROM alert_event WHERE alert_id IN (?, ?, ?)",
                    rejectedRecent, acceptedKept, acknowledgedRecent)).isEqualTo(6);

            assertThat(entryExists(c, expiredLongAgo)).isFalse();
            assertThat(entryExists(c, removedLongAgo)).isFalse();
            assertThat(entryExists(c, freedByRejectedAlert)).as("its only alert went in the same run").isFalse();
            assertThat(entryExists(c, live)).isTrue();
            assertThat(entryExists(c, expiredRecently)).isTrue();
            assertThat(entryExists(c, removedRecently)).isTrue();
            assertThat(entryExists(c, heldByAcceptedAlert)).as("an alert still refers to it").isTrue();

            // a second run finds nothing more
            PurgeCounts again = purge.purge(PurgeCutoffs.asOf(now, REJECTED, ACCEPTED, READS, GRACE));
            assertThat(again.isEmpty()).isTrue();
            assertThat(again.entriesHeld()).isEqualTo(1);
        }
    }

    @Test
    void aBacklogLargerThanOneBatchIsPurgedInOneRun() throws SQLException {
        Instant now = Instant.now();
        int n = AlertingPurge.BATCH + 7;
        try (Connection c = TestDatabase.get().connect()) {
            c.createStatement().execute("INSERT INTO alert_hotlist (code, name, kind, scope) VALUES ('purge-bulk', 'Bulk', 'STOLEN', 'ANYWHERE')");
            try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_hotlist_entry (id, list_code, plate, reason, priority,"
                    + " valid_from, expires_at, created_by, created_at) SELECT gen_random_uuid(), 'purge-bulk', 'PB' || g, 'bulk', 10,"
                    + " ?::timestamptz - interval '1 day', ?, 'test', ?::timestamptz - interval '1 day' FROM generate_series(1, ?) g")) {
                Timestamp expired = Timestamp.from(daysAgo(now, 45));
                st.setTimestamp(1, expired);
                st.setTimestamp(2, expired);
                st.setTimestamp(3, expired);
                st.setInt(4, n);
                st.executeUpdate();
            }
            PurgeCounts counts = purge.purge(PurgeCutoffs.asOf(now, REJECTED, ACCEPTED, READS, GRACE));
            assertThat(counts.entries()).isEqualTo(n);
            assertThat(count(c, "SELECT count(*) FROM alert_hotlist_entry WHERE list_code = 'purge-bulk'")).isZero();
        }
    }

    @Test
    void aNegativePeriodIsRefused() {
        assertThatThrownBy(() -> PurgeCutoffs.asOf(Instant.now(), Duration.ofDays(-1), ACCEPTED, READS, GRACE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
