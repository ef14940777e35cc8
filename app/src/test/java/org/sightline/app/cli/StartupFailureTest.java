package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starting the service with a bad setting or a missing dependency ends quickly, with exit code 2
 * and one line that names what to fix.
 */
class StartupFailureTest {

    @TempDir
    Path dir;

    private static String database() {
        return ServeRun.database();
    }

    private ServeRun.Outcome serveWith(String yaml) throws IOException {
        return ServeRun.serveWith(dir, yaml);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void badTileUrlNamesTheKeyAndWhatItMayBe() throws IOException {
        ServeRun.Outcome o = serveWith(database() + "sightline:\n  map:\n    tile-url: 'ftp://tiles'\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.map.tile-url")
                .contains("{z}, {x} and {y}");
    }

    @Test
    void outOfRangeNumberNamesTheKey() throws IOException {
        ServeRun.Outcome o = serveWith(database() + "sightline:\n  security:\n    max-failed-logins: 0\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").contains("sightline.security.max-failed-logins").contains("1");
    }

    @Test
    void alertRetentionLongerThanTheReadsNamesTheKeyAndTheLimit() throws IOException {
        ServeRun.Outcome o = serveWith(database() + "sightline:\n  retention:\n    reads: 180d\n    accepted-alerts: 200d\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.retention.accepted-alerts = 200d")
                .contains("between 1d and 180d (sightline.retention.reads)");
    }

    @Test
    void readRetentionBeyondTwelveMonthsNamesTheKey() throws IOException {
        ServeRun.Outcome o = serveWith(database() + "sightline:\n  retention:\n    reads: 400d\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.retention.reads = 400d")
                .contains("between 1d and 365d");
    }

    @Test
    void malformedBrokerUrlNamesTheKey() throws IOException {
        ServeRun.Outcome o = serveWith(database() + "sightline:\n  mqtt:\n    url: 'localhost:1883'\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.mqtt.url")
                .contains("tcp://host:port");
    }

    @Test
    void unreachableDatabaseSaysSoAndDoesNotHang() throws IOException {
        int port = freePort();
        ServeRun.Outcome o = serveWith("datasources:\n  default:\n    url: jdbc:postgresql://127.0.0.1:" + port + "/sightline\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Cannot reach the database").contains("SIGHTLINE_DB_URL");
    }

    @Test
    void brokerDownSaysWhichBrokerAndHowToChangeIt() throws IOException {
        int port = freePort();
        ServeRun.Outcome o = serveWith(database() + "sightline:\n  mqtt:\n    url: tcp://127.0.0.1:" + port + "\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n").startsWith("Cannot reach the MQTT broker at tcp://127.0.0.1:" + port)
                .contains("SIGHTLINE_MQTT_URL");
    }
}
