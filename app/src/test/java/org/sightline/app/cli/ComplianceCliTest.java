package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.testing.TestDatabase;

/** {@code sightline compliance list|set|import} against the test database. */
class ComplianceCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun();

    private static String purposeOf(String camera) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT purpose FROM camera_compliance WHERE camera_id = '" + camera + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void importStoresTheGoodRowsListsTheBadOnesAndSetAndListWork() throws Exception {
        assertThat(cli.run("compliance", "list")).as(cli.stderr()).isZero(); // migrates the database
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO geo_camera (id, kind, deployment, mount_height_metres, azimuth_degrees,
                                            horizontal_fov_degrees, resolution, status, source, geom) VALUES
                      ('CAM-CLI-1', 'CCTV', 'OVERT', 6, 0, 60, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                      ('CAM-CLI-2', 'ANPR', 'OVERT', 6, 0, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                      ('CAM-CLI-3', 'CCTV', 'COVERT', 6, 0, 60, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))
                    ON CONFLICT DO NOTHING""");
        }
        Path csv = Files.writeString(dir.resolve("records.csv"), String.join("\n",
                "camera_id,purpose,signage,dpia_reference,reviewed_on",
                "CAM-CLI-1,\"Town centre ASB, night-time economy\",Signs on every approach,DPIA-7,2026-02-01",
                "CAM-NOPE,Anything,,,",
                "CAM-CLI-2,,Signs,,",
                "CAM-CLI-3,Organised crime route,,DPIA-9,01/02/2026",
                "CAM-CLI-3,Organised crime route,,DPIA-9,",
                ""));
        assertThat(cli.run("compliance", "import", csv.toString())).isEqualTo(1);
        assertThat(cli.stdout()).contains("2 camera records stored, 3 rows rejected.");
        assertThat(cli.stderr())
                .contains("records.csv line 3: no camera 'CAM-NOPE' in the estate")
                .contains("records.csv line 4: purpose is required")
                .contains("records.csv line 5: reviewed_on must be a date as YYYY-MM-DD, was '01/02/2026'");
        assertThat(purposeOf("CAM-CLI-1")).isEqualTo("Town centre ASB, night-time economy");
        assertThat(purposeOf("CAM-CLI-3")).isEqualTo("Organised crime route");
        assertThat(purposeOf("CAM-CLI-2")).isNull();

        assertThat(cli.run("compliance", "set", "CAM-CLI-2", "--purpose", "Cordon: A580 inbound", "--signage", "ANPR in use signs")).isZero();
        assertThat(purposeOf("CAM-CLI-2")).isEqualTo("Cordon: A580 inbound");
        assertThat(cli.run("compliance", "set", "CAM-CLI-2", "--purpose", "x")).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("Not recorded: purpose is required");
        assertThat(purposeOf("CAM-CLI-2")).isEqualTo("Cordon: A580 inbound");

        assertThat(cli.run("compliance", "list")).isZero();
        assertThat(cli.stdout()).contains("CAM-CLI-2").contains("Cordon: A580 inbound | signage: ANPR in use signs");

        // an export of the estate is audited with who, what and where
        Path csvOut = dir.resolve("cameras.csv");
        assertThat(cli.run("export", "cameras", "--format", "csv", "--out", csvOut.toString())).as(cli.stderr()).isZero();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT actor || ' ' || target || ' ' || details FROM audit_event"
                     + " WHERE action = 'export.layer' ORDER BY id DESC LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("cli:").contains(" cameras file=" + csvOut.toAbsolutePath() + ";format=csv;features=");
        }

        Path badHeader = Files.writeString(dir.resolve("bad.csv"), "camera,why\nCAM-CLI-1,x\n");
        assertThat(cli.run("compliance", "import", badHeader.toString())).isEqualTo(2);
        assertThat(cli.stderr()).startsWith("Cannot import").contains("unknown column 'camera'");
    }
}
