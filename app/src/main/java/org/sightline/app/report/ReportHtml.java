package org.sightline.app.report;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.sightline.app.web.WebPages;

/**
 * The building blocks of a printable HTML report: headings, key-value tables, data tables whose
 * cells may be marked as gaps, and queries whose every value comes back as display text. Every
 * value is escaped; times are shown as {@code 2026-11-23 14:05 UTC}.
 */
final class ReportHtml {

    /** A table cell: its text, and whether it marks a gap to be fixed. */
    record Cell(String text, boolean gap) {
        static Cell of(String text) {
            return new Cell(text, false);
        }
    }

    static final String STYLE = "<style>body{font:14px/1.45 system-ui,sans-serif;color:#1b2630;max-width:1040px;margin:2rem auto;padding:0 1rem}"
            + "h1{color:#0b3d5c;margin-bottom:.2rem}h2{border-bottom:2px solid #0b3d5c;padding-bottom:.2rem;margin-top:2rem}"
            + "h3{margin:1.2rem 0 .3rem;font-size:1rem}"
            + "table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d6dde3;padding:.3rem .5rem;text-align:left;vertical-align:top}"
            + "thead th{background:#eef2f5}tbody th{background:#f6f8fa;width:38%;font-weight:600}td{white-space:pre-line}"
            + ".gap{color:#b3261e;font-weight:600}.ok{color:#1e7b34;font-weight:600}.muted{color:#5b6b78}"
            + ".findings{border:2px solid #b3261e;border-radius:6px;padding:.6rem 1rem;background:#fdf3f2}"
            + ".findings.none{border-color:#1e7b34;background:#f1f8f3}.findings ul{margin:.3rem 0 0;padding-left:1.2rem}"
            + "table.estate td:first-child,table.estate td:last-child{white-space:nowrap}"
            + "@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}</style>";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final StringBuilder h = new StringBuilder(16_384);

    ReportHtml raw(String html) {
        h.append(html);
        return this;
    }

    ReportHtml text(String text) {
        h.append(esc(text));
        return this;
    }

    ReportHtml heading(String text) {
        h.append("<h2>").append(esc(text)).append("</h2>");
        return this;
    }

    ReportHtml subheading(String text) {
        h.append("<h3>").append(esc(text)).append("</h3>");
        return this;
    }

    ReportHtml paragraph(String text) {
        h.append("<p>").append(esc(text)).append("</p>");
        return this;
    }

    /** A paragraph in the given class ("ok", "gap" or "muted"). */
    ReportHtml paragraph(String cssClass, String text) {
        h.append("<p class=\"").append(cssClass).append("\">").append(esc(text)).append("</p>");
        return this;
    }

    /** A two-column table of labels and values. */
    ReportHtml facts(List<String[]> rows) {
        h.append("<table><tbody>");
        for (String[] r : rows) {
            h.append("<tr><th>").append(esc(r[0])).append("</th><td>").append(esc(r[1])).append("</td></tr>");
        }
        h.append("</tbody></table>");
        return this;
    }

    /** A data table, or the {@code empty} sentence when there are no rows. */
    ReportHtml table(String[] header, List<Cell[]> rows, String empty) {
        return table("", header, rows, empty);
    }

    /** A data table of the given CSS class, or the {@code empty} sentence when there are no rows. */
    ReportHtml table(String cssClass, String[] header, List<Cell[]> rows, String empty) {
        if (rows.isEmpty()) {
            return paragraph("muted", empty);
        }
        h.append(cssClass.isEmpty() ? "<table>" : "<table class=\"" + cssClass + "\">").append("<thead><tr>");
        for (String th : header) {
            h.append("<th>").append(esc(th)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (Cell[] r : rows) {
            h.append("<tr>");
            for (Cell td : r) {
                h.append(td.gap() ? "<td class=\"gap\">" : "<td>").append(esc(td.text())).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
        return this;
    }

    /** A data table of plain text cells. */
    ReportHtml textTable(String[] header, List<String[]> rows, String empty) {
        return table(header, rows.stream().map(r -> java.util.Arrays.stream(r).map(Cell::of).toArray(Cell[]::new)).toList(), empty);
    }

    @Override
    public String toString() {
        return h.toString();
    }

    static String when(Instant at) {
        return at == null ? "" : WHEN.format(at);
    }

    static String esc(String s) {
        return WebPages.escape(s);
    }

    /** Runs a query with instant parameters; every column comes back as display text ("" for null). */
    static List<String[]> query(Connection c, String sql, List<Instant> args) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setTimestamp(i + 1, Timestamp.from(args.get(i)));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    String[] r = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        Object o = rs.getObject(i + 1);
                        r[i] = o == null ? "" : o instanceof Timestamp t ? when(t.toInstant())
                                : o instanceof Date d ? d.toLocalDate().toString() : o.toString();
                    }
                    out.add(r);
                }
            }
        }
        return out;
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
