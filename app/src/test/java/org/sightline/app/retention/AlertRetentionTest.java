package org.sightline.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.alerting.retention.AlertingPurge;
import org.sightline.alerting.retention.domain.PurgeCounts;
import org.sightline.app.SightlineTestProperties;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.ChainedAuditEvent;
import org.sightline.platform.retention.RetentionProperties;
import org.sightline.testing.TestDatabase;

/**
 * The retention job's alert and hotlist purge with the service's own settings: old closed alerts
 * and ended entries go, the audit trail records the counts and is itself left whole.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertRetentionTest implements SightlineTestProperties {

    @Inject
    ReadRetention reads;

    @Inject
    AlertingPurge alerting;

    @Inject
    RetentionProperties retention;

    @Inject
    AuditLog audit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new java.util.HashMap<>(SightlineTestProperties.super.getProperties());
        // the hourly schedule stays off: this test runs the purge itself, at an instant it chooses
        props.put("sightline.retention.enabled", "false");
        props.put("sightline.retention.rejected-alerts", "60d");
        props.put("sightline.retention.hotlist-grace", "14d");
        return props;
    }

    private static UUID entry(Connection c, String plate, Instant expires) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_hotlist_entry (id, list_code, plate, reason,"
                + " priority, valid_from, expires_at, created_by, created_at) VALUES (?, 'ret-app', ?, 'test', 40, ?, ?, 'test', ?)")) {
            st.setObject(1, id);
            st.setString(2, plate);
            st.setTimestamp(3, Timestamp.from(expires.minus(30, ChronoUnit.DAYS)));
            st.setTimestamp(4, Timestamp.from(expires));
            st.setTimestamp(5, Timestamp.from(expires.minus(30, ChronoUnit.DAYS)));
            st.executeUpdate();
        }
        return id;
    }

    private static long rejectedAlert(Connection c, UUID entry, String plate, Instant decided) throws SQLException {
        long id;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert (entry_id, list_code, plate, priority, covert, state,"
                + " grade, explanation, first_seen, last_seen, decided_by, decided_at, reject_reason)"
                + " VALUES (?, 'ret-app', ?, 40, false, 'REJECTED', 'EXACT', 'exact', ?, ?, 'op', ?, 'MISREAD') RETURNING id")) {
            st.setObject(1, entry);
            st.setString(2, plate);
            st.setTimestamp(3, Timestamp.from(decided.minusSeconds(600)));
            st.setTimestamp(4, Timestamp.from(decided.minusSeconds(600)));
            st.setTimestamp(5, Timestamp.from(decided));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_sighting (alert_id, read_id, camera_id, plate_as_read,"
                + " confidence, captured_at, explanation) VALUES (?, ?, 'CAM-RET', ?, 0.8, ?, 'exact')")) {
            st.setLong(1, id);
            st.setObject(2, UUID.randomUUID());
            st.setString(3, plate);
            st.setTimestamp(4, Timestamp.from(decided.minusSeconds(600)));
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO alert_event (alert_id, kind, covert) VALUES (?, 'decided', false)")) {
            st.setLong(1, id);
            st.executeUpdate();
        }
        return id;
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> trail(String action) {
        List<String> out = new ArrayList<>();
        audit.forEach((ChainedAuditEvent e) -> {
            if (e.event().action().equals(action)) {
                out.add(e.event().details());
            }
        });
        return out;
    }

    @Test
    void oldRejectedAlertsAndEndedEntriesArePurgedAndTheCountsAudited() throws SQLException {
        Instant now = Instant.now();
        long oldAlert;
        long recentAlert;
        UUID oldEntry;
        UUID recentEntry;
        try (Connection c = TestDatabase.get().connect()) {
            c.createStatement().execute("INSERT INTO alert_hotlist (code, name, kind, scope) VALUES ('ret-app', 'Retention', 'LOCAL_ASB', 'ANYWHERE')");
            UUID live = entry(c, "RA26AAA", now.plus(10, ChronoUnit.DAYS));
            oldEntry = entry(c, "RA26BBB", now.minus(20, ChronoUnit.DAYS));    // past the 14-day grace
            recentEntry = entry(c, "RA26CCC", now.minus(3, ChronoUnit.DAYS));
            oldAlert = rejectedAlert(c, live, "RA26AAA", now.minus(61, ChronoUnit.DAYS)); // past 60 days
            recentAlert = rejectedAlert(c, live, "RA26AAA", now.minus(59, ChronoUnit.DAYS));
        }
        long trailBefore = audit.verify().checked();

        RetentionJob job = new RetentionJob(reads, alerting, retention, audit);
        PurgeCounts counts = job.purgeAlerting(now);

        assertThat(counts.rejectedAlerts()).isEqualTo(1);
        assertThat(counts.entries()).isEqualTo(1);
        try (Connection c = TestDatabase.get().connect()) {
            assertThat(count(c, "SELECT count(*) FROM alert WHERE id = " + oldAlert)).isZero();
            assertThat(count(c, "SELECT count(*) FROM alert_sighting WHERE alert_id = " + oldAlert)).isZero();
            assertThat(count(c, "SELECT count(*) FROM alert WHERE id = " + recentAlert)).isEqualTo(1);
            assertThat(count(c, "SELECT count(*) FROM alert_hotlist_entry WHERE id = '" + oldEntry + "'")).isZero();
            assertThat(count(c, "SELECT count(*) FROM alert_hotlist_entry WHERE id = '" + recentEntry + "'")).isEqualTo(1);
        }
        assertThat(trail("retention.alerts.purge")).contains("rejected=1;accepted=0;undecided=0;sightings=1;events=1"
                + ";rejected-retention=60d;accepted-retention=365d;reads-retention=365d");
        assertThat(trail("retention.hotlist.purge")).contains("entries=1;held-for-alerts=0;grace=14d");
        // the purge added to the audit trail and removed nothing from it; the chain still verifies
        assertThat(audit.verify().problems()).isEmpty();
        assertThat(audit.verify().checked()).isEqualTo(trailBefore + 2);

        // nothing left to purge: nothing more is audited
        assertThat(job.purgeAlerting(now).isEmpty()).isTrue();
        assertThat(audit.verify().checked()).isEqualTo(trailBefore + 2);
    }
}
