package org.sightline.ingest.testing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a free loopback port, with persistence in a temporary folder,
 * so that a test may stop and restart it (by its process id) without touching the machine's broker.
 */
public final class PrivateMosquitto implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    public PrivateMosquitto() throws IOException {
        dir = Files.createTempDirectory("sightline-mosquitto");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir + "/",
                "max_queued_messages 100000",
                "max_inflight_messages 1000",
                "user root",
                "log_dest file " + dir.resolve("mosquitto.log"),
                ""));
        start();
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker and waits until it accepts connections. */
    public synchronized void start() throws IOException {
        process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(this::accepting);
    }

    /** Stops the broker (SIGTERM to its process: it saves its sessions and queued messages). */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    private boolean accepting() {
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

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
