package org.sightline.app.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sightline.platform.retention.RetentionProperties;

/**
 * Section 1 of the compliance report: the retention settings, what is actually held against them
 * (reads, alerts, ended hotlist entries), and the purges the retention job recorded. Anything held
 * past its period is a finding: the job is not running or is failing.
 */
final class HoldingsSection {

    private static final Duration SLACK = Duration.ofDays(1); // purges run hourly and drop whole days
    private static final Pattern PARTITION = Pattern.compile("plate_read_\\d{8}");
    private static final long EXACT_COUNT_LIMIT = 2_000_000;

    private final Connection c;
    private final RetentionProperties retention;
    private final Instant now;
    private final List<String> findings;

    HoldingsSection(Connection c, RetentionProperties retention, Instant now, List<String> findings) {
        this.c = c;
        this.retention = retention;
        this.now = now;
        this.findings = findings;
    }

    void write(ReportHtml h) throws SQLException {
        h.heading("1. Retention: settings and what is held");
        h.facts(List.of(
                new String[] {"Plate reads kept for", days(retention.reads()) + (retention.reads().toDays() <= 365 ? "" : " — longer than 12 months")},
                new String[] {"Routine access window", days(retention.routineAccess()) + "; searches reaching further back need a supervisor's approval"},
                new String[] {"Rejected alerts kept for", days(retention.rejectedAlerts()) + " after the decision"},
                new String[] {"Accepted alerts kept for", days(retention.acceptedAlerts()) + " after the decision"},
                new String[] {"Alerts never decided kept for", days(retention.reads()) + " after the last sighting (as the reads)"},
                new String[] {"Ended hotlist entries kept for", days(retention.hotlistGrace()) + " after expiry or removal"
                        + " (longer while an alert still refers to them)"},
                new String[] {"Audit trail", "kept in full; never purged"}));
        h.subheading("Held now");
        List<ReportHtml.Cell[]> held = new ArrayList<>();
        if (ReportHtml.exists(c, "plate_read")) {
            held.add(reads());
        }
        if (ReportHtml.exists(c, "dead_letter")) {
            held.add(deadLetters());
        }
        if (ReportHtml.exists(c, "alert")) {
            held.addAll(alerts());
            held.add(endedEntries());
        }
        h.table(new String[] {"What", "How many", "Oldest", "Within its period?"}, held, "Nothing is held yet.");
        h.subheading("Purges recorded by the retention job (latest of each kind)");
        List<String[]> purges = new ArrayList<>();
        for (String[] p : ReportHtml.query(c, """
                SELECT DISTINCT ON (action) at, action, details FROM audit_event
                 WHERE action LIKE 'retention.%' ORDER BY action, at DESC""", List.of())) {
            purges.add(new String[] {p[0], AuditActions.describe(p[1]), p[2].replace(";", ", ").replace("=", " ")});
        }
        h.textTable(new String[] {"When", "Purge", "What it removed"}, purges,
                "No purge has been recorded: nothing has yet been old enough to remove, or the retention job has not run.");
    }

    private ReportHtml.Cell[] reads() throws SQLException {
        List<String> partitions = new ArrayList<>();
        long estimate = 0;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT child.relname, greatest(child.reltuples, 0)::bigint FROM pg_inherits
                  JOIN pg_class parent ON parent.oid = pg_inherits.inhparent
                  JOIN pg_class child ON child.oid = pg_inherits.inhrelid
                 WHERE parent.relname = 'plate_read' ORDER BY child.relname""")) {
            while (rs.next()) {
                if (PARTITION.matcher(rs.getString(1)).matches()) {
                    partitions.add(rs.getString(1));
                    estimate += rs.getLong(2);
                }
            }
        }
        String count;
        if (estimate > EXACT_COUNT_LIMIT) {
            count = String.format(Locale.ROOT, "about %,d", estimate);
        } else {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM plate_read")) {
                rs.next();
                count = String.format(Locale.ROOT, "%,d", rs.getLong(1));
            }
        }
        // the oldest read is in the oldest non-empty day partition: look there only, not at every read
        Instant oldest = null;
        for (String p : partitions) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT min(captured_at) FROM \"" + p + "\"")) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                if (t != null) {
                    oldest = t.toInstant();
                    break;
                }
            }
        }
        return row("Plate reads", count, oldest, retention.reads(), "reads older than " + days(retention.reads()));
    }

    private ReportHtml.Cell[] deadLetters() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*), min(received_at) FROM dead_letter")) {
            rs.next();
            return row("Refused messages kept as dead letters", rs.getLong(1) + "", instant(rs, 2), retention.reads(),
                    "dead letters (raw messages with plates) older than " + days(retention.reads()));
        }
    }

    private List<ReportHtml.Cell[]> alerts() throws SQLException {
        List<ReportHtml.Cell[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT count(*) FILTER (WHERE state = 'REJECTED'), min(coalesce(decided_at, last_seen)) FILTER (WHERE state = 'REJECTED'),
                       count(*) FILTER (WHERE state = 'ACCEPTED'), min(coalesce(decided_at, last_seen)) FILTER (WHERE state = 'ACCEPTED'),
                       count(*) FILTER (WHERE state IN ('NEW', 'ACKNOWLEDGED')), min(last_seen) FILTER (WHERE state IN ('NEW', 'ACKNOWLEDGED'))
                  FROM alert""")) {
            rs.next();
            rows.add(row("Rejected alerts (oldest decision)", rs.getLong(1) + "", instant(rs, 2), retention.rejectedAlerts(),
                    "rejected alerts older than " + days(retention.rejectedAlerts())));
            rows.add(row("Accepted alerts (oldest decision)", rs.getLong(3) + "", instant(rs, 4), retention.acceptedAlerts(),
                    "accepted alerts older than " + days(retention.acceptedAlerts())));
            rows.add(row("Alerts not yet decided (oldest sighting)", rs.getLong(5) + "", instant(rs, 6), retention.reads(),
                    "undecided alerts with sightings older than " + days(retention.reads())));
        }
        return rows;
    }

    private ReportHtml.Cell[] endedEntries() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*), min(least(e.expires_at, coalesce(e.removed_at, e.expires_at))),
                       min(least(e.expires_at, coalesce(e.removed_at, e.expires_at)))
                           FILTER (WHERE NOT EXISTS (SELECT 1 FROM alert a WHERE a.entry_id = e.id))
                  FROM alert_hotlist_entry e WHERE e.removed_at IS NOT NULL OR e.expires_at <= ?""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // an entry an alert still refers to is kept lawfully until that alert goes: judge the others
                ReportHtml.Cell[] r = row("Ended hotlist entries (oldest end)", rs.getLong(1) + "", instant(rs, 3),
                        retention.hotlistGrace(), "ended hotlist entries older than " + days(retention.hotlistGrace()));
                r[2] = ReportHtml.Cell.of(ReportHtml.when(instant(rs, 2)));
                return r;
            }
        }
    }

    /** A row of the holdings table, judged against its keeping period; a breach becomes a finding. */
    private ReportHtml.Cell[] row(String what, String count, Instant oldest, Duration period, String breach) {
        boolean over = oldest != null && oldest.isBefore(now.minus(period).minus(SLACK));
        if (over) {
            findings.add("Held past the retention period: " + breach + " (oldest " + ReportHtml.when(oldest)
                    + "). The retention job is not running or is failing: see the service log.");
        }
        return new ReportHtml.Cell[] {ReportHtml.Cell.of(what), ReportHtml.Cell.of(count),
                ReportHtml.Cell.of(ReportHtml.when(oldest)),
                new ReportHtml.Cell(oldest == null ? "—" : over ? "no: older than " + days(period) : "yes", over)};
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String days(Duration d) {
        return d.toDays() + " days";
    }
}
