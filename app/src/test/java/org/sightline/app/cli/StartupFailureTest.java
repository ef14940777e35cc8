package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.testing.TestDatabase;
import picocli.CommandLine;

/**
 * Starting the service with a bad setting or a missing dependency ends quickly, with exit code 2
 * and one line that names what to fix.
 */
class StartupFailureTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearConfigFiles() {
        System.clearProperty("micronaut.config.files");
    }

    private String database() {
        TestDatabase db = TestDatabase.get();
        return "datasources:\n  default:\n    url: " + db.jdbcUrl() + "\n    username: " + db.user() + "\n    password: ''\n";
    }

    private record Outcome(int exitCode, String stderr) { }

    private Outcome serveWith(String yaml) throws IOException {
        Path file = dir.resolve("bad.yml");
        Files.writeString(file, yaml);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    new CommandLine(new ServeCommand()).execute("--env", "test", "--config", file.toString()));
            return new Outcome(code, err.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setErr(original);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void badTileUrlNamesTheKeyAndWhatItMayBe() throws IOException {
        Outcome o = serveWith(database() + "sightline:\n  map:\n    tile-url: 'ftp://tiles'\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.map.tile-url")
                .contains("{z}, {x} and {y}");
    }

    @Test
    void outOfRangeNumberNamesTheKey() throws IOException {
        Outcome o = serveWith(database() + "sightline:\n  security:\n    max-failed-logins: 0\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").contains("sightline.security.max-failed-logins").contains("1");
    }

    @Test
    void alertRetentionLongerThanTheReadsNamesTheKeyAndTheLimit() throws IOException {
        Outcome o = serveWith(database() + "sightline:\n  retention:\n    reads: 180d\n    accepted-alerts: 200d\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.retention.accepted-alerts = 200d")
                .contains("between 1d and 180d (sightline.retention.reads)");
    }

    @Test
    void readRetentionBeyondTwelveMonthsNamesTheKey() throws IOException {
        Outcome o = serveWith(database() + "sightline:\n  retention:\n    reads: 400d\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.retention.reads = 400d")
                .contains("between 1d and 365d");
    }

    @Test
    void malformedBrokerUrlNamesTheKey() throws IOException {
        Outcome o = serveWith(database() + "sightline:\n  mqtt:\n    url: 'localhost:1883'\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.mqtt.url")
                .contains("tcp://host:port");
    }

    @Test
    void unreachableDatabaseSaysSoAndDoesNotHang() throws IOException {
        int port = freePort();
        Outcome o = serveWith("datasources:\n  default:\n    url: jdbc:postgresql://127.0.0.1:" + port + "/sightline\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Cannot reach the database").contains("SIGHTLINE_DB_URL");
    }

    @Test
    void brokerDownSaysWhichBrokerAndHowToChangeIt() throws IOException {
        int port = freePort();
        Outcome o = serveWith(database() + "sightline:\n  mqtt:\n    url: tcp://127.0.0.1:" + port + "\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Cannot reach the MQTT broker at tcp://127.0.0.1:" + port)
                .contains("SIGHTLINE_MQTT_URL");
    }
}
