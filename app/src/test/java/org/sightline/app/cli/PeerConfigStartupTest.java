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

/** A bad Frigate or OpenALPR setting ({@code sightline.ingest.frigate|openalpr.*}) stops the service with one line naming the key. */
class PeerConfigStartupTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearConfigFiles() {
        System.clearProperty("micronaut.config.files");
    }

    private String serveWith(String ingestYaml) throws IOException {
        TestDatabase db = TestDatabase.get();
        Path file = Files.writeString(dir.resolve("peers.yml"), "datasources:\n  default:\n    url: " + db.jdbcUrl()
                + "\n    username: " + db.user() + "\n    password: ''\nsightline:\n  ingest:\n" + ingestYaml);
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
    void aFrigateCameraLineWithoutASightlineCameraNamesTheKey() throws IOException {
        assertThat(serveWith("    frigate:\n      depot:\n        unit-id: KN-U07\n        cameras: [\"driveway\"]\n"))
                .doesNotContain("\n")
                .isEqualTo("Configuration error: sightline.ingest.frigate.depot.cameras = 'driveway': "
                        + "must be \"<peer camera>=<Sightline camera id>\"");
    }

    @Test
    void anOpenAlprSiteWithAnUnknownMessageKindNamesTheKeyAndTheChoices() throws IOException {
        assertThat(serveWith("    openalpr:\n      huyton:\n        site-id: huyton-depot\n        unit-id: KN-U03\n"
                + "        cameras: [\"1=KN-003-A\"]\n        takes: plates\n"))
                .doesNotContain("\n")
                .isEqualTo("Configuration error: sightline.ingest.openalpr.huyton.takes = 'plates': must be alpr_results or alpr_group");
    }
}
