package org.sightline.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.testing.TestDatabase;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceReportTest implements SightlineTestProperties {

    @Inject
    ComplianceReport report;

    @Inject
    AuditLog audit;

    @BeforeAll
    void data() throws Exception {
        Instant now = Instant.now();
        audit.record(new AuditEvent(now, "op1", "reads.search", "plate AB12CDE", "Missing person <urgent>", "MP/1", ""));
        audit.record(new AuditEvent(now, "op2", "reads.search", "plate XY99ZZZ", "Missing person <urgent>", "MP/2", ""));
        audit.record(new AuditEvent(now, "system:retention", "retention.alerts.purge", "closed alerts", "retention policy", "",
                "rejected=4;accepted=0;undecided=0;sightings=9;events=8"));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO geo_roadside_unit (id, name, status, source, geom)
                    VALUES ('U-REP', 'Report unit', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))
                    ON CONFLICT DO NOTHING""");
            st.executeUpdate("""
                    INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees,
                                            horizontal_fov_degrees, resolution, status, source, geom)
                    VALUES ('CAM-REP-1', 'U-REP', 'CCTV', 'OVERT', 6, 90, 60, '1920x1080', 'ACTIVE', 'test',
                            ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                           ('CAM-REP-2', 'U-REP', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test',
                            ST_SetSRID(ST_MakePoint(-2.86, 53.43), 4326)),
                           ('CAM-REP-3', 'U-REP', 'ANPR', 'COVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test',
                            ST_SetSRID(ST_MakePoint(-2.86, 53.43), 4326))
                    ON CONFLICT DO NOTHING""");
            st.executeUpdate("""
                    INSERT INTO camera_compliance (camera_id, purpose, signage, dpia_reference, reviewed_on, updated_by)
                    VALUES ('CAM-REP-1', 'Town centre <b>ASB</b>', 'Signs at both entrances', 'DPIA-1', current_date - 30, 'test'),
                           ('CAM-REP-3', 'Organised crime route', '', 'DPIA-2', current_date - 30, 'test')
                    ON CONFLICT DO NOTHING""");
            st.executeUpdate("""
                    INSERT INTO read_search_approval (requested_by, requested_at, purpose, reference, plate, from_at, to_at, status,
                                                      decided_by, decided_at, decision_note) VALUES
                      ('op1', now() - interval '10 days', 'Stolen vehicle enquiry', 'CR/77', 'AB12CDE', now() - interval '200 days',
                       now() - interval '150 days', 'REQUESTED', NULL, NULL, ''),
                      ('op2', now() - interval '3 days', 'Fail to stop <collision>', 'CR/78', 'XY99ZZZ', now() - interval '120 days',
                       now() - interval '100 days', 'APPROVED', 'sup1', now() - interval '2 days', 'Serious injury: proportionate')""");
            st.executeUpdate("INSERT INTO alert_hotlist (code, name, kind, scope) VALUES ('rep-list', 'Report list', 'LOCAL_ASB', 'ANYWHERE')");
            st.executeUpdate("""
                    INSERT INTO alert_hotlist_entry (id, list_code, plate, reason, priority, valid_from, expires_at, created_by, created_at)
                    VALUES (gen_random_uuid(), 'rep-list', 'RP01AAA', 'test', 10, now() - interval '200 days', now() + interval '30 days', 't', now() - interval '200 days'),
                           (gen_random_uuid(), 'rep-list', 'RP02AAA', 'test', 10, now() - interval '5 days', now() + interval '30 days', 't', now() - interval '5 days')""");
            st.execute("SELECT ingest_ensure_plate_read_partition((now() AT TIME ZONE 'UTC')::date)");
            st.executeUpdate("""
                    INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence, captured_at,
                                            received_at, late, position_from_camera, geom)
                    VALUES (gen_random_uuid(), 'U-REP', 'CAM-REP-2', 'RP01AAA', 'RP01AAA', true, 0.9, now(), now(), false, true,
                            ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))""");
        }
    }

    @Test
    void reportShowsRetentionSearchesByPurposeApprovalsHotlistsEstateGapsAndAnIntactTrail() throws Exception {
        String html = report.render(Instant.now());
        // kept for a person to look at
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "compliance-report.html"), html);
        assertThat(html)
                .contains("Plate reads kept for</th><td>365 days")
                .contains("Routine access window</th><td>90 days")
                .contains("Rejected alerts kept for</th><td>90 days after the decision")
                .contains("<td>Missing person &lt;urgent&gt;</td><td>2</td>")
                .contains("Fail to stop &lt;collision&gt;").contains("Serious injury: proportionate")
                .contains("<td>Purges of old alerts</td><td>rejected 4, accepted 0, undecided 0, sightings 9, events 8</td>")
                .contains("Town centre &lt;b&gt;ASB&lt;/b&gt;").doesNotContain("<b>ASB</b>")
                .contains("<td>Plate reads</td>")
                .contains("<td>rep-list (Report list)</td><td>Local anti-social behaviour</td><td>no</td><td>2</td><td>1</td>")
                .contains("class=\"ok\">Intact</span>");
        String findings = html.substring(html.indexOf("Needs attention"), html.indexOf("</div>", html.indexOf("Needs attention")));
        assertThat(findings)
                .contains("1 request(s) for older reads have waited more than 7 days")
                .contains("without a recorded purpose (principle 1)")
                .contains("overt, without recorded signage (principle 3)")
                .doesNotContain("Held past the retention period");
        // the covert camera needs no signage
        assertThat(html).contains("<td>CAM-REP-3</td><td>ANPR</td><td>covert</td><td>Active</td><td>Organised crime route</td>"
                + "<td>DPIA-2</td><td>covert: none expected</td>");
    }

    @Test
    void dataHeldPastItsPeriodIsAFinding() {
        // two years on, without a purge in between, the read stored today is past the 365 days
        String html = report.render(Instant.now().plus(730, ChronoUnit.DAYS));
        assertThat(html).contains("Held past the retention period: reads older than 365 days")
                .contains("<td class=\"gap\">no: older than 365 days</td>");
    }
}
