package org.sightline.platform.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Mosquitto process of the caller's own, listening on loopback only, started from a
 * configuration written into a new temporary folder (which also holds its log and, when
 * persistent, its database; it is kept after {@link #close()} for post-mortems). Benchmarks use it
 * to measure the service rather than the machine's broker; tests use it to stop and restart a
 * broker, or to run the repository's password and ACL configuration, without touching the
 * machine's broker on 1883. What differs between callers is in {@link MosquittoOptions}.
 */
public final class LocalMosquitto implements AutoCloseable {

    private static final List<String> SEARCHED = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin");
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final Path binary;
    private final Path dir;
    private final int port;
    private final int tlsPort;
    private Process process;

    private LocalMosquitto(Path binary, Path dir, int port, int tlsPort) {
        this.binary = binary;
        this.dir = dir;
        this.port = port;
        this.tlsPort = tlsPort;
    }

    /** The {@code mosquitto} executable in the usual system folders or on the PATH; empty when it is not installed. */
    public static Optional<Path> findBinary() {
        return findExecutable("mosquitto");
    }

    /**
     * Writes the configuration, starts the broker and returns once every listener accepts
     * connections.
     *
     * @throws IOException when mosquitto is not installed, an account cannot be written, or the
     *         broker exits or does not accept connections within 10 s (the message names the
     *         folder with its log)
     */
    public static LocalMosquitto start(MosquittoOptions options) throws IOException, InterruptedException {
        Path binary = findBinary().orElseThrow(() -> new IOException("mosquitto is not installed"));
        Path dir = Files.createTempDirectory("sightline-mosquitto");
        int port = options.port() == 0 ? freePort() : options.port();
        int tlsPort = options.tlsCertificates() == null ? -1 : freePort();
        LocalMosquitto broker = new LocalMosquitto(binary, dir, port, tlsPort);
        Files.write(dir.resolve("mosquitto.conf"), broker.configuration(options));
        broker.launch();
        return broker;
    }

    private List<String> configuration(MosquittoOptions options) throws IOException, InterruptedException {
        // "user root" keeps a broker started by root as root (it would switch to the mosquitto
        // account, which cannot write this folder); for any other user Mosquitto ignores it
        List<String> conf = new ArrayList<>(List.of("per_listener_settings true", "user root",
                "log_dest file " + dir.resolve("mosquitto.log")));
        if (options.persistent()) {
            conf.addAll(List.of("persistence true", "persistence_location " + dir + "/"));
        } else {
            conf.add("persistence false");
        }
        if (options.maxQueuedMessages() > 0) {
            conf.add("max_queued_messages " + options.maxQueuedMessages());
        }
        if (options.maxInflightMessages() > 0) {
            conf.add("max_inflight_messages " + options.maxInflightMessages());
        }
        List<String> access = access(options);
        conf.add("listener " + port + " 127.0.0.1");
        conf.addAll(access);
        if (tlsPort > 0) {
            Path certs = options.tlsCertificates().toAbsolutePath();
            conf.add("listener " + tlsPort + " 127.0.0.1");
            conf.addAll(access);
            conf.addAll(List.of("cafile " + certs.resolve("ca.crt"), "certfile " + certs.resolve("server.crt"),
                    "keyfile " + certs.resolve("server.key"), "tls_version tlsv1.2",
                    "require_certificate " + options.requireClientCertificate()));
        }
        return conf;
    }

    /** The per-listener access lines: anonymous, or the accounts' password file and the ACL. */
    private List<String> access(MosquittoOptions options) throws IOException, InterruptedException {
        if (options.accounts().isEmpty()) {
            return List.of("allow_anonymous true");
        }
        Path passwd = dir.resolve("passwd");
        Files.createFile(passwd);
        for (Map.Entry<String, String> account : options.accounts().entrySet()) {
            addAccount(passwd, account.getKey(), account.getValue());
        }
        List<String> lines = new ArrayList<>(List.of("allow_anonymous false", "password_file " + passwd));
        if (options.aclFile() != null) {
            Path acl = dir.resolve("acl");
            Files.copy(options.aclFile(), acl); // a copy, so the folder holds all the broker ran with
            lines.add("acl_file " + acl);
        }
        return lines;
    }

    private void addAccount(Path passwd, String user, String password) throws IOException, InterruptedException {
        Path tool = findExecutable("mosquitto_passwd").orElseThrow(() -> new IOException("mosquitto_passwd is not installed"));
        Process p = new ProcessBuilder(tool.toString(), "-b", passwd.toString(), user, password).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("mosquitto_passwd could not add " + user + ": " + output);
        }
    }

    /** The plain listener, {@code tcp://127.0.0.1:port}. */
    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * The TLS listener by the host name the certificates of make-dev-certs.sh hold.
     *
     * @throws IllegalStateException when the broker was started without certificates
     */
    public String tlsUrl() {
        if (tlsPort < 0) {
            throw new IllegalStateException("this broker has no TLS listener");
        }
        return "ssl://localhost:" + tlsPort;
    }

    /** Stops the broker (SIGTERM: a persistent broker saves its sessions and queued messages). */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Stops the broker and starts it again on the same ports with the same configuration; a
     * persistent broker then restores what it saved.
     */
    public synchronized void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    private synchronized void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary.toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!accepting(port) || (tlsPort > 0 && !accepting(tlsPort))) {
            if (!process.isAlive()) {
                throw new IOException("mosquitto exited with " + process.exitValue() + "; see " + dir);
            }
            if (System.nanoTime() > deadline) {
                stop();
                throw new IOException("mosquitto did not accept connections within 10 s; see " + dir);
            }
            // a refused connection on loopback returns at once: pause rather than spin
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port nothing listens on now: to start a broker on later ({@link MosquittoOptions#withPort}). */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Optional<Path> findExecutable(String name) {
        Stream<String> path = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator));
        return Stream.concat(SEARCHED.stream(), path).filter(d -> !d.isBlank()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
