package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.testing.TestDatabase;

/** {@code sightline import} and {@code export} end to end against this run's PostGIS database. */
class GeoCliTest {

    @TempDir
    Path dir;

    @RegisterExtension
    final CliRun cli = new CliRun();

    @Test
    void importReportsEachRejectedRowAndExportWritesAGeoPackage() throws IOException {
        assertThat(cli.run("import", "demo", "knowsley")).as(cli.stderr()).isZero();
        assertThat(cli.stdout()).contains("demo area knowsley: 1 boundary");

        Path estate = Files.writeString(dir.resolve("estate.csv"), "id,kind,azimuth_degrees,easting,northing\n"
                + "CLI-1,ANPR,90,345000,392000\nCLI-2,RADAR,90,345000,392000\nCLI-3,CCTV,east,345000,392000\n");
        Path rejects = dir.resolve("rejects.csv");
        assertThat(cli.run("import", "cameras", estate.toString(), "--rejects", rejects.toString())).isEqualTo(1);
        assertThat(Files.readAllLines(rejects)).containsExactly("file,line,reason",
                "estate.csv,3,kind 'RADAR' must be ANPR or CCTV", "estate.csv,4,azimuth_degrees 'east' is not a number");
        assertThat(cli.stderr()).contains("rejected estate.csv:3: kind 'RADAR' must be ANPR or CCTV")
                .contains("rejected estate.csv:4: azimuth_degrees 'east' is not a number")
                .doesNotContain("Exception");
        assertThat(cli.stdout()).contains("cameras: 3 rows read, 1 accepted, 0 filtered out, 2 rejected; 1 stored");

        Path gpkg = dir.resolve("cameras.gpkg");
        assertThat(cli.run("export", "cameras", "--format", "gpkg", "--out", gpkg.toString())).as(cli.stderr()).isZero();
        List<Camera> back = new ArrayList<>();
        ReadSummary s = new FeatureFiles(new ProjectionService()).read(gpkg, Optional.empty(), Optional.empty(),
                CameraFeatures.mapper(), back::add, ReadListener.NONE);
        assertThat(s.complete()).isTrue();
        assertThat(back).extracting(c -> c.id().value()).contains("CLI-1", "E08000011-ANPR-01");

        Path crossings = dir.resolve("crossings.csv");
        assertThat(cli.run("export", "crossings", "--boundary", "E08000011", "--format", "csv", "--out", crossings.toString()))
                .as(cli.stderr()).isZero();
        assertThat(Files.readString(crossings)).startsWith("boundary_code,road_number").contains("M57").contains("M62");
    }

    @Test
    void crimeImportReportsBadRowsStoresTheGoodOnesOnceAndIsAudited() throws Exception {
        // crime ids unique to this test: the app tests share one database
        String id = "cli-" + System.nanoTime();
        String header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,"
                + "Crime type,Last outcome category,Context";
        Path file = Files.writeString(dir.resolve("2019-05-test-street.csv"), header + "\n"
                + id + "a,2019-05,Merseyside Police,Merseyside Police,-2.851,53.421,On or near Marl Road,E01006448,"
                + "Knowsley 001A,Burglary,Under investigation,\n"
                + id + "b,2019-05,Merseyside Police,Merseyside Police,n/a,53.421,On or near Marl Road,E01006448,"
                + "Knowsley 001A,Burglary,Under investigation,\n"
                + id + "c,2019-05,Merseyside Police,Merseyside Police,-2.852,53.422,On or near Marl Road,E01006448,"
                + "Knowsley 001A,Vehicle crime,,\n"
                + id + "d,2019-05,Merseyside Police,Merseyside Police,-2.98,53.41,On or near Dale Street,E01006512,"
                + "Liverpool 060A,Burglary,,\n");
        assertThat(cli.run("import", "crimes", file.toString(), "--lsoa-prefix", "Knowsley ")).as(cli.stderr()).isEqualTo(1);
        assertThat(cli.stderr()).contains("rejected 2019-05-test-street.csv:3: Longitude 'n/a' is not a number")
                .doesNotContain("Exception");
        assertThat(cli.stdout()).contains("crimes: 4 rows read, 2 accepted, 1 filtered out, 1 rejected; 2 stored");
        assertThat(cli.run("import", "crimes", file.toString(), "--lsoa-prefix", "Knowsley ")).isEqualTo(1);
        assertThat(cli.stdout()).contains("crimes: 4 rows read, 2 accepted, 1 filtered out, 1 rejected; 0 stored");
        try (var c = TestDatabase.get().connect(); var st = c.prepareStatement(
                "SELECT actor, details FROM audit_event WHERE action = 'import.layer' AND target = 'crimes'"
                        + " AND starts_with(details, ?) ORDER BY id")) {
            st.setString(1, "files=" + file + ";");
            try (var rs = st.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("cli:");
                assertThat(rs.getString(2)).contains(";read=4;accepted=2;filtered=1;rejected=1;stored=2");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).contains(";stored=0");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void arterialsExportAsTheirOwnGeoPackageLayer() throws Exception {
        assertThat(cli.run("import", "demo", "knowsley")).as(cli.stderr()).isZero();
        Path gpkg = dir.resolve("arterials.gpkg");
        assertThat(cli.run("export", "arterials", "--format", "gpkg", "--out", gpkg.toString())).as(cli.stderr()).isZero();
        try (mil.nga.geopackage.GeoPackage g = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile())) {
            assertThat(g.getFeatureTables()).containsExactly("arterials");
            assertThat(g.getFeatureDao("arterials").count()).isPositive();
        }
    }

    @Test
    void usageErrorsExitWithTwoAndOneClearLine() {
        assertThat(cli.run("export", "bridges", "--out", dir.resolve("x.geojson").toString())).isEqualTo(2);
        assertThat(cli.stderr()).contains("KIND must be one of boundaries, roads, arterials, crossings, cameras, candidates");
        assertThat(cli.run("import", "demo", "atlantis")).isEqualTo(2);
        assertThat(cli.stderr()).contains("no demo area 'atlantis' is packaged");
    }
}
