package org.sightline.app.cli.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the benchmark's own on a free loopback port, sized as the production broker
 * (config/mosquitto/sightline.conf: {@code max_queued_messages 100000}, {@code
 * max_inflight_messages 1000}), so that a benchmark measures the service rather than the test
 * defaults of the machine's broker (1000 queued, 20 in flight), which drop messages for a
 * subscriber that falls a fraction of a second behind.
 */
final class PrivateBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Process process;

    private PrivateBroker(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Starts one when {@code mosquitto} is installed; empty when it is not. */
    static Optional<PrivateBroker> start() throws IOException, InterruptedException {
        Optional<Path> binary = java.util.stream.Stream.of("/usr/sbin/mosquitto", "/usr/bin/mosquitto",
                "/usr/local/sbin/mosquitto").map(Path::of).filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            return Optional.empty();
        }
        Path dir = Files.createTempDirectory("sightline-bench-mosquitto");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n", "listener " + port + " 127.0.0.1",
                "allow_anonymous true", "persistence false", "max_queued_messages 100000", "max_inflight_messages 1000",
                "log_dest file " + dir.resolve("mosquitto.log"), ""));
        Process p = new ProcessBuilder(binary.get().toString(), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        PrivateBroker broker = new PrivateBroker(dir, port, p);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!broker.accepting()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                broker.close();
                throw new IOException("mosquitto did not start; see " + dir);
            }
            Thread.sleep(50);
        }
        return Optional.of(broker);
    }

    /** The broker's URL. */
    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private boolean accepting() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
