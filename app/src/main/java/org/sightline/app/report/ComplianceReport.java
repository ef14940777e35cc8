package org.sightline.app.report;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sightline.app.web.WebPages;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.ChainVerification;
import org.sightline.platform.retention.RetentionProperties;

/**
 * The compliance report for a data-protection officer: retention settings, what is held, who
 * searched for what and why, supervisor approvals, hotlist sizes and ages, the camera estate with
 * its recorded purpose and signage, and whether the audit trail is intact. One self-contained,
 * printable HTML page; every value from the database is escaped.
 */
@Singleton
public class ComplianceReport {

    private final DataSource dataSource;
    private final RetentionProperties retention;
    private final AuditLog audit;

    public ComplianceReport(DataSource dataSource, RetentionProperties retention, AuditLog audit) {
        this.dataSource = dataSource;
        this.retention = retention;
        this.audit = audit;
    }

    /** The report as of {@code now}. */
    @io.micronaut.transaction.annotation.Transactional(readOnly = true)
    public String render(Instant now) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Sightline compliance report</title>")
                .append("<style>body{font:14px/1.45 system-ui,sans-serif;color:#1b2630;max-width:1000px;margin:2rem auto;padding:0 1rem}")
                .append("h1{color:#0b3d5c}h2{border-bottom:2px solid #0b3d5c;padding-bottom:.2rem;margin-top:2rem}")
                .append("table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d6dde3;padding:.3rem .5rem;text-align:left;vertical-align:top}")
                .append("th{background:#eef2f5}.gap{color:#b3261e;font-weight:600}.ok{color:#1e7b34;font-weight:600}.muted{color:#5b6b78}</style></head><body>");
        h.append("<h1>Sightline compliance report</h1><p class=\"muted\">Produced ").append(esc(now.truncatedTo(ChronoUnit.SECONDS).toString()))
                .append(". Measured against the Surveillance Camera Code of Practice and the national ANPR standards (reads kept at most 12 months; routine access to the last 90 days; older reads only with a senior officer's authorisation; every search for a stated purpose).</p>");
        try (Connection c = dataSource.getConnection()) {
            retentionSection(h, c);
            searchSection(h, c, now);
            approvalSection(h, c, now);
            hotlistSection(h, c, now);
            estateSection(h, c);
        } catch (SQLException e) {
            throw new IllegalStateException("compliance report query failed: " + e.getMessage(), e);
        }
        auditSection(h);
        return h.append("</body></html>").toString();
    }

    private void retentionSection(StringBuilder h, Connection c) throws SQLException {
        h.append("<h2>1. Retention and access settings</h2><table>");
        row(h, "Plate reads kept for", retention.reads().toDays() + " days" + (retention.reads().toDays() <= 365 ? "" : " — longer than 12 months"));
        row(h, "Routine access window", retention.routineAccess().toDays() + " days; older searches need a supervisor's approval");
        row(h, "Expired or removed hotlist entries purged after", retention.hotlistGrace().toDays() + " days");
        row(h, "Rejected alerts kept for", retention.rejectedAlerts().toDays() + " days after the decision");
        row(h, "Accepted alerts kept for", retention.acceptedAlerts().toDays() + " days after the decision");
        row(h, "Alerts never decided kept for", retention.reads().toDays() + " days after the last sighting (as reads)");
        if (exists(c, "plate_read")) {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*), min(captured_at) FROM plate_read")) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                row(h, "Reads held", rs.getLong(1) + (oldest == null ? "" : ", oldest captured " + oldest.toInstant().truncatedTo(ChronoUnit.SECONDS)));
            }
        }
        h.append("</table>");
    }

    private void searchSection(StringBuilder h, Connection c, Instant now) throws SQLException {
        h.append("<h2>2. Searches of reads (last 12 months)</h2>");
        List<String[]> rows = query(c, """
                SELECT purpose, count(*) FILTER (WHERE action = 'reads.search'), count(*) FILTER (WHERE action = 'reads.search.refused'),
                       count(DISTINCT actor), max(at)
                  FROM audit_event WHERE action IN ('reads.search', 'reads.search.refused') AND at >= ?
                 GROUP BY purpose ORDER BY 2 DESC, 1 LIMIT 200""", now.minus(365, ChronoUnit.DAYS), 5);
        if (rows.isEmpty()) {
            h.append("<p>No searches in the period.</p>");
            return;
        }
        table(h, new String[] {"Stated purpose", "Searches run", "Refused (approval needed)", "Users", "Last"}, rows);
        List<String[]> users = query(c, """
                SELECT actor, count(*), count(DISTINCT reference) FROM audit_event
                 WHERE action = 'reads.search' AND at >= ? GROUP BY actor ORDER BY 2 DESC LIMIT 100""",
                now.minus(365, ChronoUnit.DAYS), 3);
        table(h, new String[] {"User", "Searches", "Distinct references"}, users);
    }

    private void approvalSection(StringBuilder h, Connection c, Instant now) throws SQLException {
        h.append("<h2>3. Supervisor approvals for older reads</h2>");
        if (!exists(c, "read_search_approval")) {
            return;
        }
        table(h, new String[] {"Status", "Requests", "Oldest waiting since"}, query(c, """
                SELECT status, count(*), min(requested_at) FILTER (WHERE status = 'REQUESTED')
                  FROM read_search_approval WHERE requested_at >= ? GROUP BY status ORDER BY 1""",
                now.minus(365, ChronoUnit.DAYS), 3));
    }

    private void hotlistSection(StringBuilder h, Connection c, Instant now) throws SQLException {
        h.append("<h2>4. Hotlists</h2>");
        if (!exists(c, "alert_hotlist_entry")) {
            h.append("<p>No hotlists.</p>");
            return;
        }
        table(h, new String[] {"List", "Kind", "Covert", "Live entries", "Expired, not yet purged", "Oldest live entry created"}, query(c, """
                SELECT l.code || ' (' || l.name || ')', l.kind, CASE WHEN l.covert THEN 'yes' ELSE 'no' END,
                       count(e.id) FILTER (WHERE e.removed_at IS NULL AND e.expires_at > ?),
                       count(e.id) FILTER (WHERE e.removed_at IS NULL AND e.expires_at <= ?),
                       min(e.created_at) FILTER (WHERE e.removed_at IS NULL AND e.expires_at > ?)
                  FROM alert_hotlist l LEFT JOIN alert_hotlist_entry e ON e.list_code = l.code
                 GROUP BY l.code, l.name, l.kind, l.covert ORDER BY 1""", List.of(now, now, now), 6));
    }

    private void estateSection(StringBuilder h, Connection c) throws SQLException {
        h.append("<h2>5. Camera estate</h2>");
        if (!exists(c, "geo_camera")) {
            return;
        }
        List<String[]> cams = query(c, """
                SELECT cam.id, cam.kind, cam.deployment, cam.status, coalesce(cc.purpose, ''), coalesce(cc.signage, ''),
                       coalesce(cc.dpia_reference, ''), coalesce(cc.reviewed_on::text, '')
                  FROM geo_camera cam LEFT JOIN camera_compliance cc ON cc.camera_id = cam.id
                 ORDER BY cam.kind, cam.id""", List.of(), 8);
        long gaps = cams.stream().filter(r -> r[4].isEmpty()).count();
        h.append("<p>").append(cams.size()).append(" cameras. ")
                .append(gaps == 0 ? "<span class=\"ok\">Every camera has a recorded purpose.</span>"
                        : "<span class=\"gap\">" + gaps + " without a recorded purpose, signage or impact assessment (Code principles 1, 3 and 2).</span>")
                .append("</p>");
        for (String[] r : cams) {
            if (r[4].isEmpty()) {
                r[4] = "not recorded";
            }
        }
        table(h, new String[] {"Camera", "Kind", "Overt/covert", "Status", "Purpose", "Signage", "DPIA", "Reviewed"}, cams);
    }

    private void auditSection(StringBuilder h) {
        ChainVerification v = audit.verify();
        h.append("<h2>6. Audit trail</h2><p>");
        if (v.problems().isEmpty()) {
            h.append("<span class=\"ok\">Intact</span>: ").append(v.checked()).append(" entries; the hash chain verifies from the first to the last.");
        } else {
            h.append("<span class=\"gap\">Tampered</span>: ").append(v.problems().size()).append(" break(s):</p><ul>");
            v.problems().forEach(p -> h.append("<li>").append(esc(p)).append("</li>"));
            h.append("</ul><p>");
        }
        h.append("</p>");
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static List<String[]> query(Connection c, String sql, Instant since, int columns) throws SQLException {
        return query(c, sql, List.of(since), columns);
    }

    private static List<String[]> query(Connection c, String sql, List<Instant> args, int columns) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setTimestamp(i + 1, Timestamp.from(args.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] r = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        Object o = rs.getObject(i + 1);
                        r[i] = o == null ? "" : o instanceof Timestamp t ? t.toInstant().truncatedTo(ChronoUnit.SECONDS).toString() : o.toString();
                    }
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static void table(StringBuilder h, String[] header, List<String[]> rows) {
        h.append("<table><thead><tr>");
        for (String th : header) {
            h.append("<th>").append(esc(th)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (String[] r : rows) {
            h.append("<tr>");
            for (String td : r) {
                h.append("<td>").append(esc(td)).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static void row(StringBuilder h, String label, String value) {
        h.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>");
    }

    private static String esc(String s) {
        return WebPages.escape(s);
    }
}
