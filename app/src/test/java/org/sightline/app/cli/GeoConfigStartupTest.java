package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.testing.TestDatabase;
import picocli.CommandLine;

/** A bad {@code sightline.geo.*} setting stops the service with one line naming the key. */
class GeoConfigStartupTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearConfigFiles() {
        System.clearProperty("micronaut.config.files");
    }

    private String serveWith(String geoYaml) throws IOException {
        TestDatabase db = TestDatabase.get();
        Path file = Files.writeString(dir.resolve("geo.yml"), "datasources:\n  default:\n    url: " + db.jdbcUrl()
                + "\n    username: " + db.user() + "\n    password: ''\nsightline:\n  geo:\n" + geoYaml);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    new CommandLine(new ServeCommand()).execute("--env", "test", "--config", file.toString()));
            assertThat(code).isEqualTo(2);
            return err.toString(StandardCharsets.UTF_8).strip();
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void unknownArterialClassNamesTheKeyAndTheAllowedClasses() throws IOException {
        assertThat(serveWith("    arterial-classes: [motorway, dirt-track]\n")).doesNotContain("\n")
                .startsWith("Configuration error: sightline.geo.arterial-classes = [motorway, dirt-track]: must be")
                .contains("a-road");
    }

    @Test
    void toleranceOutOfRangeNamesTheKeyAndTheRange() throws IOException {
        assertThat(serveWith("    camera-route-tolerance-metres: 0\n")).doesNotContain("\n")
                .startsWith("Configuration error: sightline.geo.camera-route-tolerance-metres = 0.0: must be between 1 and 200");
    }
}
