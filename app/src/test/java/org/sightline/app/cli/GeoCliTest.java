package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    private CliRun cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliRun(dir);
    }

    @AfterEach
    void tearDown() {
        cli.close();
    }

    private int run(String... args) {
        return cli.run(args);
    }

    private String stdout() {
        return cli.stdout();
    }

    private String stderr() {
        return cli.stderr();
    }

    @Test
    void importReportsEachRejectedRowAndExportWritesAGeoPackage() throws IOException {
        assertThat(run("import", "demo", "knowsley")).as(stderr()).isZero();
        assertThat(stdout()).contains("demo area knowsley: 1 boundary");

        Path estate = Files.writeString(dir.resolve("estate.csv"), "id,kind,azimuth_degrees,easting,northing\n"
                + "CLI-1,ANPR,90,345000,392000\nCLI-2,RADAR,90,345000,392000\nCLI-3,CCTV,east,345000,392000\n");
        Path rejects = dir.resolve("rejects.csv");
        assertThat(run("import", "cameras", estate.toString(), "--rejects", rejects.toString())).isEqualTo(1);
        assertThat(Files.readAllLines(rejects)).containsExactly("file,line,reason",
                "estate.csv,3,kind 'RADAR' must be ANPR or CCTV", "estate.csv,4,azimuth_degrees 'east' is not a number");
        assertThat(stderr()).contains("rejected estate.csv:3: kind 'RADAR' must be ANPR or CCTV")
                .contains("rejected estate.csv:4: azimuth_degrees 'east' is not a number")
                .doesNotContain("Exception");
        assertThat(stdout()).contains("cameras: 3 rows read, 1 accepted, 0 filtered out, 2 rejected; 1 stored");

        Path gpkg = dir.resolve("cameras.gpkg");
        assertThat(run("export", "cameras", "--format", "gpkg", "--out", gpkg.toString())).as(stderr()).isZero();
        List<Camera> back = new ArrayList<>();
        ReadSummary s = new FeatureFiles(new ProjectionService()).read(gpkg, Optional.empty(), Optional.empty(),
                CameraFeatures.mapper(), back::add, ReadListener.NONE);
        assertThat(s.complete()).isTrue();
        assertThat(back).extracting(c -> c.id().value()).contains("CLI-1", "E08000011-ANPR-01");

        Path crossings = dir.resolve("crossings.csv");
        assertThat(run("export", "crossings", "--boundary", "E08000011", "--format", "csv", "--out", crossings.toString()))
                .as(stderr()).isZero();
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
        assertThat(run("import", "crimes", file.toString(), "--lsoa-prefix", "Knowsley ")).as(stderr()).isEqualTo(1);
        assertThat(stderr()).contains("rejected 2019-05-test-street.csv:3: Longitude 'n/a' is not a number")
                .doesNotContain("Exception");
        assertThat(stdout()).contains("crimes: 4 rows read, 2 accepted, 1 filtered out, 1 rejected; 2 stored");
        cli.clear();
        assertThat(run("import", "crimes", file.toString(), "--lsoa-prefix", "Knowsley ")).isEqualTo(1);
        assertThat(stdout()).contains("crimes: 4 rows read, 2 accepted, 1 filtered out, 1 rejected; 0 stored");
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
        assertThat(run("import", "demo", "knowsley")).as(stderr()).isZero();
        Path gpkg = dir.resolve("arterials.gpkg");
        assertThat(run("export", "arterials", "--format", "gpkg", "--out", gpkg.toString())).as(stderr()).isZero();
        try (mil.nga.geopackage.GeoPackage g = mil.nga.geopackage.GeoPackageManager.open(gpkg.toFile())) {
            assertThat(g.getFeatureTables()).containsExactly("arterials");
            assertThat(g.getFeatureDao("arterials").count()).isPositive();
        }
    }

    @Test
    void usageErrorsExitWithTwoAndOneClearLine() {
        assertThat(run("export", "bridges", "--out", dir.resolve("x.geojson").toString())).isEqualTo(2);
        assertThat(stderr()).contains("KIND must be one of boundaries, roads, arterials, crossings, cameras, candidates");
        assertThat(run("import", "demo", "atlantis")).isEqualTo(2);
        assertThat(stderr()).contains("no demo area 'atlantis' is packaged");
    }
}
