package org.sightline.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A private Mosquitto configured as config/mosquitto prescribes: every client logs in with a
 * password, the repository's ACL applies, and optionally a TLS listener uses certificates made by
 * {@code config/mosquitto/make-dev-certs.sh}. Free loopback ports; stopped by its own process.
 */
final class SecuredMosquitto implements AutoCloseable {

    static final Path CONFIG = Path.of("..", "config", "mosquitto");

    private final Path dir;
    private final int plainPort;
    private final int tlsPort;
    private final Process process;

    /**
     * @param accounts username → password
     * @param certs folder written by make-dev-certs.sh for a TLS listener, or null for none
     * @param requireClientCertificate whether the TLS listener asks for a client certificate
     */
    SecuredMosquitto(Map<String, String> accounts, Path certs, boolean requireClientCertificate) throws Exception {
        dir = Files.createTempDirectory("sightline-mosquitto");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path passwd = dir.resolve("passwd");
        for (Map.Entry<String, String> a : accounts.entrySet()) {
            addAccount(passwd, a.getKey(), a.getValue());
        }
        Path acl = dir.resolve("sightline.acl");
        Files.copy(CONFIG.resolve("sightline.acl"), acl);
        plainPort = freePort();
        tlsPort = certs == null ? -1 : freePort();
        List<String> conf = new ArrayList<>(List.of("per_listener_settings true", "user root", "persistence false",
                "log_dest file " + dir.resolve("mosquitto.log")));
        conf.addAll(secured("listener " + plainPort + " 127.0.0.1", passwd, acl));
        if (certs != null) {
            conf.addAll(secured("listener " + tlsPort + " 127.0.0.1", passwd, acl));
            conf.addAll(List.of("cafile " + certs.resolve("ca.crt").toAbsolutePath(),
                    "certfile " + certs.resolve("server.crt").toAbsolutePath(),
                    "keyfile " + certs.resolve("server.key").toAbsolutePath(),
                    "tls_version tlsv1.2",
                    "require_certificate " + requireClientCertificate));
        }
        Files.write(dir.resolve("mosquitto.conf"), conf);
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> accepting(plainPort) && (tlsPort < 0 || accepting(tlsPort)));
    }

    /** Runs the repository's make-dev-certs.sh into a new temporary folder and returns it. */
    static Path devCertificates(String... clients) throws Exception {
        Path out = Files.createTempDirectory("sightline-certs");
        List<String> cmd = new ArrayList<>(List.of("bash", CONFIG.resolve("make-dev-certs.sh").toString(), out.toString(), "localhost"));
        cmd.addAll(List.of(clients));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return out;
    }

    private static List<String> secured(String listener, Path passwd, Path acl) {
        return List.of(listener, "allow_anonymous false", "password_file " + passwd.toAbsolutePath(), "acl_file " + acl.toAbsolutePath());
    }

    String tcpUrl() {
        return "tcp://127.0.0.1:" + plainPort;
    }

    /** The TLS listener by the name its certificate holds. */
    String tlsUrl() {
        return "ssl://localhost:" + tlsPort;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private boolean accepting(int port) {
        if (!process.isAlive()) {
            throw new IllegalStateException("mosquitto exited with " + process.exitValue() + "; see " + dir);
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void addAccount(Path passwd, String user, String password) throws Exception {
        if (!Files.exists(passwd)) {
            Files.createFile(passwd);
            Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Process p = new ProcessBuilder("mosquitto_passwd", "-b", passwd.toString(), user, password).redirectErrorStream(true).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }
}
