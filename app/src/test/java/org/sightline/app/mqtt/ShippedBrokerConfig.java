package org.sightline.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.sightline.platform.mqtt.MosquittoOptions;

/**
 * The broker configuration the repository ships in config/mosquitto, for tests that run it in a
 * {@link org.sightline.platform.mqtt.LocalMosquitto}: its ACL, and certificates made by its
 * make-dev-certs.sh.
 */
final class ShippedBrokerConfig {

    static final Path DIR = Path.of("..", "config", "mosquitto");

    private ShippedBrokerConfig() {
    }

    /** Every client logs in with one of the given accounts (username to password) and the shipped ACL applies. */
    static MosquittoOptions secured(Map<String, String> accounts) {
        return MosquittoOptions.defaults().withAccounts(accounts, DIR.resolve("sightline.acl"));
    }

    /** Runs the repository's make-dev-certs.sh into a new temporary folder and returns it. */
    static Path devCertificates(String... clients) throws Exception {
        Path out = Files.createTempDirectory("sightline-certs");
        List<String> cmd = new ArrayList<>(List.of("bash", DIR.resolve("make-dev-certs.sh").toString(), out.toString(), "localhost"));
        cmd.addAll(List.of(clients));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return out;
    }
}
