package org.sightline.ingest.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.intake.CheckedReadIds;
import org.sightline.ingest.intake.IntakeStats;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.platform.mqtt.MqttClients;

/**
 * The ingest benchmark: the same QoS 1 reads published (a) to a plain subscriber on the same broker
 * (the broker's own ceiling) and (b) through the durable intake, timed from publish to the
 * committed row (the acknowledgement follows the commit). Bounded in count and time; loopback only.
 */
public final class IngestBenchmark {

    /** The figures of one run. */
    public record Result(int reads, double brokerOnlyPerSecond, double durablePerSecond, double p50CommitMs,
                         double p99CommitMs, long rowsStored) {

        public double ratio() {
            return durablePerSecond / brokerOnlyPerSecond;
        }
    }

    private static final int PUBLISHERS = 4;

    private final MqttClients clients;
    private final DataSource dataSource;
    private final PrintStream out;
    private final int outstandingMax;
    private final String root = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "/sightline/v1";
    private final String unit = "BENCH-U1";
    private final String camera = "BENCH-C1";

    /**
     * @param window most reads published but not yet consumed (received, or committed) at any time;
     *               a broker drops QoS 1 messages beyond its per-client queue (Mosquitto's
     *               {@code max_queued_messages}, 1000 by default), so keep it below that queue
     */
    public IngestBenchmark(MqttClients clients, DataSource dataSource, PrintStream out, int window) {
        this.outstandingMax = window;
        this.clients = clients;
        this.dataSource = dataSource;
        this.out = out;
    }

    /**
     * Runs both phases.
     *
     * @param reads reads per phase
     * @param timeout longest either phase may take
     */
    public Result run(int reads, Duration timeout) throws Exception {
        registerEstate();
        byte[][] payloads = new byte[reads][];
        UUID[] ids = new UUID[reads];
        Random random = new Random(42);
        Instant now = Instant.now();
        for (int i = 0; i < reads; i++) {
            ids[i] = UUID.randomUUID();
            payloads[i] = String.format(Locale.ROOT, "{\"readId\":\"%s\",\"cameraId\":\"%s\",\"plate\":\"%s\",\"confidence\":%.3f,"
                            + "\"capturedAt\":\"%s\",\"heading\":%d,\"lane\":%d}", ids[i], camera, plate(random),
                    0.6 + random.nextDouble() * 0.4, now.plusMillis(i / 50), random.nextInt(360), 1 + random.nextInt(2))
                    .getBytes(StandardCharsets.UTF_8);
        }
        String topic = new UnitTopics(root).of(unit, UnitTopics.Kind.READS);

        // (a) broker only
        Semaphore outstanding = new Semaphore(outstandingMax);
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        CountDownLatch allReceived = new CountDownLatch(reads);
        MqttAsyncClient sub = clients.newAsyncClient(clients.config().clientIdPrefix() + "-bench-sub");
        sub.setCallback(new Counting(received, allReceived, outstanding, lastArrival));
        MqttConnectionOptions subOptions = clients.options(true, 0);
        subOptions.setReceiveMaximum(2000);
        sub.connect(subOptions).waitForCompletion(10_000);
        sub.subscribe(new MqttSubscription[] {new MqttSubscription(new UnitTopics(root).filter(UnitTopics.Kind.READS), 1)},
                null, null, new MqttProperties()).waitForCompletion(10_000);
        long a0 = System.nanoTime();
        publishAll(topic, payloads, null, outstanding, timeout);
        long a1 = awaitQuiet(allReceived, received, lastArrival, timeout);
        sub.disconnect().waitForCompletion(5_000);
        sub.close();
        if (received.get() < reads) {
            out.printf(Locale.ROOT, "    the broker dropped %d of %d reads it had acknowledged (see its log: raise max_queued_messages "
                    + "or lower --window)%n", reads - received.get(), reads);
        }
        double brokerPerS = received.get() / ((a1 - a0) / 1e9);
        out.printf(Locale.ROOT, "(a) broker only: %d QoS 1 reads, %d publishers -> 1 subscriber (at most %d in transit) "
                + "in %.2f s: %.0f reads/s%n", received.get(), PUBLISHERS, outstandingMax, (a1 - a0) / 1e9, brokerPerS);

        // (b) durable: publish -> committed row -> acknowledgement
        long[] publishedAt = new long[reads];
        ConcurrentHashMap<UUID, Integer> index = new ConcurrentHashMap<>(reads * 2);
        for (int i = 0; i < reads; i++) {
            index.put(ids[i], i);
        }
        long[] latencyNanos = new long[reads];
        AtomicInteger committed = new AtomicInteger();
        AtomicLong lastCommit = new AtomicLong(System.nanoTime());
        CountDownLatch allCommitted = new CountDownLatch(reads);
        IntakeStats stats = new IntakeStats();
        stats.setListener((batch, at) -> {
            for (UUID id : CheckedReadIds.of(batch)) {
                Integer i = index.remove(id);
                if (i != null) {
                    latencyNanos[i] = at - publishedAt[i];
                    committed.incrementAndGet();
                    allCommitted.countDown();
                    outstanding.release();
                }
            }
            lastCommit.set(at);
        });
        IngestProperties config = new IngestProperties(true, "bench", root, "bench", true, 2000, Duration.ofMillis(20), 2000,
                Math.max(4000, outstandingMax), Duration.ofMinutes(10), 65_536, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90), 2,
                Duration.ofSeconds(30));
        long b0;
        long b1;
        try (ReadIntake intake = new ReadIntake(clients, config, dataSource, new EquipmentRegistry(dataSource, Duration.ZERO), stats)) {
            intake.start();
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!intake.isConnected() && System.nanoTime() < waitUntil) {
                Thread.onSpinWait();
            }
            b0 = System.nanoTime();
            outstanding.drainPermits();
            outstanding.release(outstandingMax);
            publishAll(topic, payloads, publishedAt, outstanding, timeout);
            b1 = awaitQuiet(allCommitted, committed, lastCommit, timeout);
            out.println("    intake: " + stats);
        }
        int done = committed.get();
        if (done == 0) {
            throw new IllegalStateException("durable phase: no read was committed within " + timeout);
        }
        if (done < reads) {
            out.printf(Locale.ROOT, "    %d of %d reads acknowledged by the broker never reached the intake (dropped by the broker: "
                    + "see its log; raise max_queued_messages or lower --window)%n", reads - done, reads);
        }
        double durablePerS = done / ((b1 - b0) / 1e9);
        long[] measured = Arrays.stream(latencyNanos).filter(l -> l > 0).sorted().toArray();
        double p50 = measured[measured.length / 2] / 1e6;
        double p99 = measured[(int) Math.min(measured.length - 1, Math.ceil(measured.length * 0.99) - 1)] / 1e6;
        long rows = countRows();
        out.printf(Locale.ROOT, "(b) durable: %d reads published -> committed in plate_read in %.2f s: %.0f reads/s; "
                + "publish->commit p50 %.1f ms, p99 %.1f ms; rows stored %d%n", done, (b1 - b0) / 1e9, durablePerS, p50, p99, rows);
        cleanUp();
        return new Result(reads, brokerPerS, durablePerS, p50, p99, rows);
    }

    /** Waits until all arrived, or nothing arrived for 5 s; returns the time of the last arrival. */
    private static long awaitQuiet(CountDownLatch all, AtomicInteger count, AtomicLong last, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!all.await(200, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            if (now > deadline || (count.get() > 0 && now - last.get() > TimeUnit.SECONDS.toNanos(5))) {
                break;
            }
        }
        return all.getCount() == 0 ? System.nanoTime() : last.get();
    }

    /** Publishes every payload at QoS 1 from several clients, each keeping its window within the broker's receive maximum. */
    private void publishAll(String topic, byte[][] payloads, long[] publishedAt, Semaphore outstanding, Duration timeout)
            throws Exception {
        MqttAsyncClient[] pubs = new MqttAsyncClient[PUBLISHERS];
        Semaphore[] windows = new Semaphore[PUBLISHERS];
        AtomicLong failures = new AtomicLong();
        for (int p = 0; p < PUBLISHERS; p++) {
            pubs[p] = clients.newAsyncClient(clients.config().clientIdPrefix() + "-bench-pub-" + p);
            IMqttToken t = pubs[p].connect(clients.options(true, 0));
            t.waitForCompletion(10_000);
            Integer serverMax = t.getResponseProperties() == null ? null : t.getResponseProperties().getReceiveMaximum();
            int window = Math.max(1, Math.min(serverMax == null ? 65_535 : serverMax, 500));
            windows[p] = new Semaphore(window);
        }
        Thread[] threads = new Thread[PUBLISHERS];
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int p = 0; p < PUBLISHERS; p++) {
            int me = p;
            threads[p] = new Thread(() -> {
                MqttActionListener release = new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        windows[me].release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        failures.incrementAndGet();
                        windows[me].release();
                    }
                };
                try {
                    for (int i = me; i < payloads.length && System.nanoTime() < deadline; i += PUBLISHERS) {
                        outstanding.acquire();
                        windows[me].acquire();
                        MqttMessage m = new MqttMessage(payloads[i]);
                        m.setQos(1);
                        if (publishedAt != null) {
                            publishedAt[i] = System.nanoTime();
                        }
                        pubs[me].publish(topic, m, null, release);
                    }
                } catch (InterruptedException | MqttException e) {
                    failures.incrementAndGet();
                }
            }, "bench-publisher-" + p);
            threads[p].start();
        }
        for (Thread t : threads) {
            t.join(timeout.toMillis());
        }
        for (MqttAsyncClient c : pubs) {
            c.disconnect(5_000).waitForCompletion(10_000);
            c.close();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed");
        }
    }

    private static String plate(Random r) {
        String letters = "ABCDEFGHJKLMNOPRSTUVWXYZ";
        return "" + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()))
                + (10 + r.nextInt(90)) + letters.charAt(r.nextInt(letters.length())) + letters.charAt(r.nextInt(letters.length()))
                + letters.charAt(r.nextInt(letters.length()));
    }

    private void registerEstate() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO geo_roadside_unit (id, name, status, source, geom) VALUES ('" + unit
                    + "', 'benchmark unit', 'ACTIVE', 'benchmark', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)) ON CONFLICT DO NOTHING");
            st.execute("INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees, "
                    + "horizontal_fov_degrees, resolution, status, source, geom) VALUES ('" + camera + "', '" + unit
                    + "', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'benchmark', "
                    + "ST_SetSRID(ST_MakePoint(-2.851, 53.431), 4326)) ON CONFLICT DO NOTHING");
        }
    }

    private long countRows() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM plate_read WHERE unit_id = ?")) {
            ps.setString(1, unit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void cleanUp() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM plate_read_key k USING plate_read r WHERE r.read_id = k.read_id AND r.unit_id = '" + unit + "'");
            st.execute("DELETE FROM plate_read WHERE unit_id = '" + unit + "'");
        }
    }

    /** Counts arrivals; Paho acknowledges each after this returns. */
    private static final class Counting implements MqttCallback {
        private final AtomicInteger received;
        private final CountDownLatch all;
        private final Semaphore outstanding;
        private final AtomicLong last;

        Counting(AtomicInteger received, CountDownLatch all, Semaphore outstanding, AtomicLong last) {
            this.received = received;
            this.all = all;
            this.outstanding = outstanding;
            this.last = last;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            last.set(System.nanoTime());
            received.incrementAndGet();
            all.countDown();
            outstanding.release();
        }

        @Override
        public void disconnected(MqttDisconnectResponse r) {
        }

        @Override
        public void mqttErrorOccurred(MqttException e) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
