package org.sightline.app.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.sightline.app.report.ReportHtml.Cell;

/**
 * Section 5 of the compliance report: every camera with its recorded purpose (Code principle 1),
 * impact assessment (principle 2), signage (principle 3) and last review (principle 10). Missing
 * records are marked in the table and counted as findings.
 */
final class EstateSection {

    private final Connection c;
    private final LocalDate today;
    private final List<String> findings;

    EstateSection(Connection c, Instant now, List<String> findings) {
        this.c = c;
        this.today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.findings = findings;
    }

    void write(ReportHtml h) throws SQLException {
        h.heading("5. Camera estate: purpose, impact assessment, signage, review");
        if (!ReportHtml.exists(c, "geo_camera")) {
            h.paragraph("muted", "No camera estate is recorded.");
            return;
        }
        List<String[]> cams = ReportHtml.query(c, """
                SELECT cam.id, cam.kind, cam.deployment, initcap(cam.status), cc.purpose, coalesce(cc.dpia_reference, ''),
                       coalesce(cc.signage, ''), cc.reviewed_on
                  FROM geo_camera cam LEFT JOIN camera_compliance cc ON cc.camera_id = cam.id
                 WHERE cam.status <> 'DECOMMISSIONED'
                 ORDER BY cam.kind, cam.id""", List.of());
        int noPurpose = 0;
        int noDpia = 0;
        int noSignage = 0;
        int notReviewed = 0;
        List<Cell[]> rows = new ArrayList<>();
        for (String[] r : cams) {
            boolean recorded = !r[4].isEmpty();
            boolean overt = "OVERT".equals(r[2]);
            boolean purposeGap = !recorded;
            boolean dpiaGap = r[5].isEmpty();
            boolean signageGap = overt && r[6].isEmpty();
            boolean reviewGap = r[7].isEmpty() || LocalDate.parse(r[7]).isBefore(today.minusYears(1));
            noPurpose += purposeGap ? 1 : 0;
            noDpia += dpiaGap ? 1 : 0;
            noSignage += signageGap ? 1 : 0;
            notReviewed += reviewGap ? 1 : 0;
            rows.add(new Cell[] {Cell.of(r[0]), Cell.of(r[1]), Cell.of(r[2].toLowerCase(java.util.Locale.ROOT)), Cell.of(r[3]),
                    new Cell(purposeGap ? "not recorded" : r[4], purposeGap),
                    new Cell(dpiaGap ? "none" : r[5], dpiaGap),
                    new Cell(signageGap ? "none recorded" : overt ? r[6] : "covert: none expected", signageGap),
                    new Cell(r[7].isEmpty() ? "never" : r[7], reviewGap)});
        }
        h.paragraph(cams.size() + " cameras in service (decommissioned ones are left out).");
        gap(noPurpose, "without a recorded purpose (principle 1)");
        gap(noDpia, "without a data-protection impact assessment reference (principle 2)");
        gap(noSignage, "overt, without recorded signage (principle 3)");
        gap(notReviewed, "not reviewed in the last 12 months (principle 10)");
        h.table("estate", new String[] {"Camera", "Kind", "Deployment", "Status", "Purpose", "DPIA", "Signage", "Reviewed"}, rows,
                "No cameras.");
        h.paragraph("muted", "Records are kept with 'sightline compliance set|import', on the engineer page (administrators),"
                + " or PUT /api/cameras/{id}/compliance.");
    }

    private void gap(int count, String what) {
        if (count > 0) {
            findings.add(count + (count == 1 ? " camera " : " cameras ") + what + " (section 5).");
        }
    }
}
