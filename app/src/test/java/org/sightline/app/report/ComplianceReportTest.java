package org.sightline.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
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

    @Test
    void reportShowsRetentionSearchesByPurposeEstateGapsAndAnIntactTrail() throws SQLException {
        audit.record(new AuditEvent(Instant.now(), "op1", "reads.search", "plate AB12CDE", "Missing person <urgent>", "MP/1", ""));
        audit.record(new AuditEvent(Instant.now(), "op2", "reads.search", "plate XY99ZZZ", "Missing person <urgent>", "MP/2", ""));
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
                            ST_SetSRID(ST_MakePoint(-2.86, 53.43), 4326))
                    ON CONFLICT DO NOTHING""");
            st.executeUpdate("""
                    INSERT INTO camera_compliance (camera_id, purpose, signage, updated_by)
                    VALUES ('CAM-REP-1', 'Town centre <b>ASB</b>', 'Signs at both entrances', 'test')
                    ON CONFLICT DO NOTHING""");
        }
        String html = report.render(Instant.now());
        assertThat(html)
                .contains("Plate reads kept for</th><td>365 days")
                .contains("Routine access window</th><td>90 days")
                .contains("<td>Missing person &lt;urgent&gt;</td><td>2</td>")
                .contains("Town centre &lt;b&gt;ASB&lt;/b&gt;")
                .doesNotContain("<b>ASB</b>")
                .contains("without a recorded purpose")
                .contains("class=\"ok\">Intact</span>");
    }
}
