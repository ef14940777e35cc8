package org.sightline.app.report;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sightline.app.report.ReportHtml.Cell;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.ChainVerification;
import org.sightline.platform.retention.RetentionProperties;

/**
 * The compliance report for a data-protection officer: what needs attention first, then retention
 * settings and what is actually held (with the purges that ran), who searched reads for what
 * purpose, supervisor approvals, hotlist sizes and ages, the camera estate with its recorded
 * purpose, signage and impact assessment, what the audit trail recorded, and whether it is
 * intact. One self-contained, printable HTML page; every value from the database is escaped.
 */
@Singleton
public class ComplianceReport {

    private static final Duration YEAR = Duration.ofDays(365);

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
        List<String> findings = new ArrayList<>();
        ReportHtml body = new ReportHtml();
        try (Connection c = dataSource.getConnection()) {
            new HoldingsSection(c, retention, now, findings).write(body);
            searchSection(body, c, now);
            approvalSection(body, c, now, findings);
            hotlistSection(body, c, now);
            new EstateSection(c, now, findings).write(body);
            activitySection(body, c, now);
        } catch (SQLException e) {
            throw new IllegalStateException("compliance report query failed: " + e.getMessage(), e);
        }
        auditSection(body, findings);
        ReportHtml page = new ReportHtml().raw("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<title>Sightline compliance report</title>" + ReportHtml.STYLE + "</head><body>");
        page.raw("<h1>Sightline compliance report</h1>").paragraph("muted", "Produced " + ReportHtml.when(now)
                + ", covering the 12 months before. Measured against the Surveillance Camera Code of Practice and the national"
                + " ANPR standards: reads kept at most 12 months; routine access to the last 90 days; older reads only with a"
                + " senior officer's authorisation; every search for a stated purpose.");
        if (findings.isEmpty()) {
            page.raw("<div class=\"findings none\"><strong class=\"ok\">Nothing needs attention.</strong>"
                    + " Retention is applied, every camera has its records, and the audit trail is intact.</div>");
        } else {
            page.raw("<div class=\"findings\"><strong class=\"gap\">Needs attention (" + findings.size() + ")</strong><ul>");
            findings.forEach(f -> page.raw("<li>").text(f).raw("</li>"));
            page.raw("</ul></div>");
        }
        return page.raw(body.toString()).raw("</body></html>").toString();
    }

    private static void searchSection(ReportHtml h, Connection c, Instant now) throws SQLException {
        h.heading("2. Searches of stored reads");
        List<String[]> rows = ReportHtml.query(c, """
                SELECT purpose, count(*) FILTER (WHERE action = 'reads.search'), count(*) FILTER (WHERE action = 'reads.search.refused'),
                       count(DISTINCT actor), count(DISTINCT reference), max(at)
                  FROM audit_event WHERE action IN ('reads.search', 'reads.search.refused') AND at >= ?
                 GROUP BY purpose ORDER BY 2 DESC, 1 LIMIT 200""", List.of(now.minus(YEAR)));
        h.textTable(new String[] {"Stated purpose", "Searches run", "Refused (older reads, no approval)", "Users", "References", "Last"},
                rows, "No searches of reads in the period.");
        if (!rows.isEmpty()) {
            h.subheading("By user");
            h.textTable(new String[] {"User", "Searches", "Distinct references", "Last"}, ReportHtml.query(c, """
                    SELECT actor, count(*), count(DISTINCT reference), max(at) FROM audit_event
                     WHERE action = 'reads.search' AND at >= ? GROUP BY actor ORDER BY 2 DESC LIMIT 100""",
                    List.of(now.minus(YEAR))), "No searches run.");
        }
    }

    private static void approvalSection(ReportHtml h, Connection c, Instant now, List<String> findings) throws SQLException {
        h.heading("3. Supervisor approvals for reads older than the routine window");
        if (!ReportHtml.exists(c, "read_search_approval")) {
            h.paragraph("muted", "No approvals are recorded.");
            return;
        }
        Instant since = now.minus(YEAR);
        h.textTable(new String[] {"Status", "Requests", "Oldest waiting since"}, ReportHtml.query(c, """
                SELECT initcap(status), count(*), min(requested_at) FILTER (WHERE status = 'REQUESTED')
                  FROM read_search_approval WHERE requested_at >= ? GROUP BY status ORDER BY 1""", List.of(since)),
                "No approvals were requested in the period.");
        List<String[]> stale = ReportHtml.query(c, "SELECT count(*) FROM read_search_approval WHERE status = 'REQUESTED'"
                + " AND requested_at < ?", List.of(now.minus(7, ChronoUnit.DAYS)));
        if (!stale.isEmpty() && !"0".equals(stale.get(0)[0])) {
            findings.add(stale.get(0)[0] + " request(s) for older reads have waited more than 7 days for a supervisor's decision.");
        }
        List<String[]> decided = ReportHtml.query(c, """
                SELECT decided_at, initcap(status), decided_by, requested_by, purpose, reference,
                       to_char(from_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' to ' || to_char(to_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
                       decision_note
                  FROM read_search_approval WHERE status <> 'REQUESTED' AND requested_at >= ?
                 ORDER BY decided_at DESC LIMIT 50""", List.of(since));
        if (!decided.isEmpty()) {
            h.subheading("Latest decisions");
            h.textTable(new String[] {"Decided", "Decision", "By", "Requested by", "Purpose", "Reference", "Reads from", "Note"},
                    decided, "");
        }
    }

    private static void hotlistSection(ReportHtml h, Connection c, Instant now) throws SQLException {
        h.heading("4. Hotlists");
        if (!ReportHtml.exists(c, "alert_hotlist_entry")) {
            h.paragraph("muted", "No hotlists.");
            return;
        }
        h.textTable(new String[] {"List", "Kind", "Covert", "Live entries", "Live for over 6 months", "Ended, awaiting purge",
                "Oldest live entry created"}, ReportHtml.query(c, """
                SELECT l.code || ' (' || l.name || ')',
                       CASE l.kind WHEN 'STOLEN' THEN 'Stolen vehicles' WHEN 'WANTED' THEN 'Wanted'
                                   WHEN 'LOCAL_ASB' THEN 'Local anti-social behaviour' WHEN 'ORGANISED_CRIME' THEN 'Organised crime'
                                   ELSE 'Other' END,
                       CASE WHEN l.covert THEN 'yes' ELSE 'no' END,
                       count(e.id) FILTER (WHERE e.removed_at IS NULL AND e.expires_at > ?),
                       count(e.id) FILTER (WHERE e.removed_at IS NULL AND e.expires_at > ? AND e.created_at < ?),
                       count(e.id) FILTER (WHERE e.removed_at IS NOT NULL OR e.expires_at <= ?),
                       min(e.created_at) FILTER (WHERE e.removed_at IS NULL AND e.expires_at > ?)
                  FROM alert_hotlist l LEFT JOIN alert_hotlist_entry e ON e.list_code = l.code
                 GROUP BY l.code, l.name, l.kind, l.covert ORDER BY 1""",
                List.of(now, now, now.minus(180, ChronoUnit.DAYS), now, now)), "No hotlists.");
        h.paragraph("muted", "An entry's grounds should be reviewed while it is live; entries live for over six months deserve a look.");
    }

    private static void activitySection(ReportHtml h, Connection c, Instant now) throws SQLException {
        h.heading("6. Recorded activity (audit trail, last 12 months)");
        List<String[]> rows = ReportHtml.query(c, """
                SELECT action, count(*), count(DISTINCT actor), max(at) FROM audit_event WHERE at >= ?
                 GROUP BY action ORDER BY split_part(action, '.', 1), 2 DESC""", List.of(now.minus(YEAR)));
        List<Cell[]> cells = new ArrayList<>();
        for (String[] r : rows) {
            cells.add(new Cell[] {Cell.of(AuditActions.describe(r[0])), Cell.of(r[0]), Cell.of(r[1]), Cell.of(r[2]), Cell.of(r[3])});
        }
        h.table(new String[] {"What", "Audit action", "Times", "By how many", "Last"}, cells, "Nothing recorded in the period.");
    }

    private void auditSection(ReportHtml h, List<String> findings) {
        ChainVerification v = audit.verify();
        h.heading("7. Integrity of the audit trail");
        if (v.problems().isEmpty()) {
            h.raw("<p><span class=\"ok\">Intact</span>: ").text(v.checked()
                    + " entries; the hash chain verifies from the first to the last, and the database refuses changes to it.").raw("</p>");
        } else {
            findings.add("The audit trail has been tampered with: " + v.problems().size() + " break(s) in its hash chain (section 7).");
            h.raw("<p><span class=\"gap\">Tampered</span>: ").text(v.problems().size() + " break(s):").raw("</p><ul>");
            v.problems().forEach(p -> h.raw("<li>").text(p).raw("</li>"));
            h.raw("</ul>");
        }
    }
}
