package org.sightline.ingest.bench;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.intake.Delivery;
import org.sightline.ingest.intake.IntakeStats;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.platform.mqtt.MqttClients;

/**
 * The ingest benchmark: the same QoS 1 reads published (a) to a plain subscriber on the same broker
 * (the broker's own ceiling) and (b) through the durable intake, timed from publish to the
 * committed row (the acknowledgement follows the commit). Bounded in count and time; loopback only.
 */
public final class IngestBenchmark {

    /** How the benchmark's roadside units publish. */
    public enum Load {
        /**
         * Lean publishers that write MQTT packets straight to the socket: they take little CPU,
         * so the machine's cores go to the broker, the service and the database, as they would
         * with real units publishing from their own hardware.
         */
        WIRE,
        /** Paho asynchronous clients, as the simulator uses (their CPU counts against the service's). */
        PAHO
    }

    /** The figures of one run. */
    public record Result(int reads, double brokerOnlyPerSecond, double durablePerSecond, double p50CommitMs,
                         double p99CommitMs, long rowsStored) {

        public double ratio() {
            return durablePerSecond / brokerOnlyPerSecond;
        }
    }

    // a path's warm-ups end once the JIT compilers were busy for less than this share of one (at most 6)
    private static final int MAX_WARM_UPS = 6;
    private static final double WARM_JIT_SHARE = 0.05;
    // reads consumed in the broker-only phase before their room in the window is given back (at
    // most a quarter of the window)
    private static final int RELEASE_EVERY = 16;

    private final MqttClients clients;
    private final DataSource dataSource;
    private final PrintStream out;
    private final int outstandingMax;
    private final int connections;
    private final Load load;
    private final BenchPublishers publishers;
    private final String root = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "/sightline/v1";
    private final String unit = "BENCH-U1";
    private final String camera = "BENCH-C1";
    private final Random random = new Random(42);

    /** One measured phase: reads consumed, its duration, the JVM's CPU time and each read's latency (0: none). */
    private record Phase(int done, long nanos, long cpuNanos, long[] latencyNanos, String cpuBreakdown, long jitMillis) {

        double perSecond() {
            return done / (nanos / 1e9);
        }

        double cpuMillisPerThousand() {
            return done == 0 ? 0 : cpuNanos / 1e6 / done * 1000;
        }
    }

    /**
     * @param window most reads published but not yet consumed (received, or committed) at any time;
     *               a broker drops QoS 1 messages beyond its per-client queue (Mosquitto's
     *               {@code max_queued_messages}, 1000 by default, 100000 in config/mosquitto), so
     *               keep it below that queue
     * @param connections subscriber connections in both phases: plain subscribers in a share group
     *                    in (a), the intake's {@code sightline.ingest.connections} in (b)
     */
    public IngestBenchmark(MqttClients clients, DataSource dataSource, PrintStream out, int window, int connections,
                           Load load) {
        this.outstandingMax = window;
        this.connections = connections;
        this.clients = clients;
        this.dataSource = dataSource;
        this.out = out;
        this.load = load;
        this.publishers = new BenchPublishers(clients, load);
    }

    /**
     * For each path in turn, broker only then durable: warms it up (not measured) until the JIT
     * compilers have little left to do, then runs it {@code rounds} times; the figures are the
     * rounds' medians (latencies: over all rounds' reads). A service runs for months: its figures
     * are those of compiled code, not of the first minute in which the compilers take a core.
     *
     * @param reads reads per phase
     * @param rounds measured runs of each phase
     * @param timeout longest either phase may take
     */
    public Result run(int reads, int rounds, Duration timeout) throws Exception {
        registerEstate();
        String topic = new UnitTopics(root).of(unit, UnitTopics.Kind.READS);
        int warm = Math.min(100_000, Math.max(1_000, reads / 2));

        // each path warms up and is measured on its own: the broker-only subscriber runs in this
        // JVM too, and switching between the two made the JIT recompile the shared MQTT client code
        // in every round (seconds of a compiler thread in a 10-s phase), which a service never does
        warmUp("(a) broker only", () -> brokerOnly(topic, payloads(warm, random.nextLong()), timeout), warm);
        double[] brokerOnly = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Phase a = brokerOnly(topic, payloads(reads, random.nextLong()), timeout);
            if (a.done() < reads) {
                out.printf(Locale.ROOT, "    the broker dropped %d of %d reads it had acknowledged (see its log: raise max_queued_messages "
                        + "or lower --window)%n", reads - a.done(), reads);
            }
            out.printf(Locale.ROOT, "(a) broker only, round %d of %d: %d QoS 1 reads, %d %s publishers -> %d subscriber connection(s) "
                    + "(at most %d in transit) in %.2f s: %.0f reads/s; JVM CPU %.0f ms per 1000 reads%n", round + 1, rounds, a.done(),
                    BenchPublishers.PUBLISHERS, load.name().toLowerCase(Locale.ROOT), connections, outstandingMax, a.nanos() / 1e9,
                    a.perSecond(), a.cpuMillisPerThousand());
            out.println("    JVM CPU by thread: " + a.cpuBreakdown());
            brokerOnly[round] = a.perSecond();
        }

        warmUp("(b) durable", () -> durable(topic, payloads(warm, random.nextLong()), timeout), warm);
        // the stored reads stay until the end: each round appends to growing tables and indexes,
        // as a live service does, rather than refilling the space of deleted rows
        long rowsBefore = countRows();
        double[] durable = new double[rounds];
        List<long[]> latencies = new ArrayList<>();
        long rowsStored = Long.MAX_VALUE;
        for (int round = 0; round < rounds; round++) {
            Phase b = durable(topic, payloads(reads, random.nextLong()), timeout);
            if (b.done() == 0) {
                throw new IllegalStateException("durable phase: no read was committed within " + timeout);
            }
            if (b.done() < reads) {
                out.printf(Locale.ROOT, "    %d of %d reads acknowledged by the broker never reached the intake (dropped by the broker: "
                        + "see its log; raise max_queued_messages or lower --window)%n", reads - b.done(), reads);
            }
            long[] measured = Arrays.stream(b.latencyNanos()).filter(l -> l > 0).sorted().toArray();
            long rowsAfter = countRows();
            long rows = rowsAfter - rowsBefore;
            rowsBefore = rowsAfter;
            out.printf(Locale.ROOT, "(b) durable, round %d of %d: %d reads published -> committed in plate_read (intake on %d "
                    + "connection(s)) in %.2f s: %.0f reads/s; publish->commit p50 %.1f ms, p99 %.1f ms; rows stored %d; JVM CPU %.0f ms "
                    + "per 1000 reads%n", round + 1, rounds, b.done(), connections, b.nanos() / 1e9, b.perSecond(),
                    percentile(measured, 0.50), percentile(measured, 0.99), rows, b.cpuMillisPerThousand());
            out.println("    JVM CPU by thread: " + b.cpuBreakdown());
            durable[round] = b.perSecond();
            latencies.add(measured);
            rowsStored = Math.min(rowsStored, rows);
        }
        out.println("    (the JVM CPU figures include the benchmark's publishers; the broker's and the database's CPU are not in them)");
        cleanUp();
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        double p50 = percentile(all, 0.50);
        double p99 = percentile(all, 0.99);
        if (rounds > 1) {
            out.printf(Locale.ROOT, "median of %d rounds: broker only %.0f reads/s, durable %.0f reads/s; publish->commit over all rounds "
                    + "p50 %.1f ms, p99 %.1f ms%n", rounds, median(brokerOnly), median(durable), p50, p99);
        }
        return new Result(reads, median(brokerOnly), median(durable), p50, p99, rowsStored);
    }

    /** A phase of the benchmark. */
    @FunctionalInterface
    private interface PhaseRun {
        Phase run() throws Exception;
    }

    // at least two warm-up phases, more (at most MAX_WARM_UPS) while the JIT compilers were still
    // busy for more than WARM_JIT_SHARE of the last one
    private void warmUp(String what, PhaseRun phase, int reads) throws Exception {
        for (int i = 1; i <= MAX_WARM_UPS; i++) {
            Phase w = phase.run();
            long compiling = w.jitMillis();
            out.printf(Locale.ROOT, "%s, warm-up %d: %d reads (not measured), %.0f reads/s, JIT compilers busy %d ms of %.0f ms%n",
                    what, i, reads, w.perSecond(), compiling, w.nanos() / 1e6);
            if (i >= 2 && compiling < w.nanos() / 1e6 * WARM_JIT_SHARE) {
                return;
            }
        }
    }

    private static double percentile(long[] sortedNanos, double q) {
        return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.max(0, Math.ceil(sortedNanos.length * q) - 1))] / 1e6;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The intake settings of the durable phase (see docs/mqtt.md for what each does). */
    IngestProperties durableSettings(String instanceId) {
        return new IngestProperties(true, instanceId, root, "bench", true, 1000, Duration.ofMillis(20), 4000,
                Math.max(8000, outstandingMax), Duration.ofMinutes(10), 65_536, Duration.ofMinutes(5), Duration.ofMinutes(10),
                Duration.ofDays(90), 2, Duration.ofSeconds(30), connections);
    }

    // read ids carry the phase's tag and the read's index: the commit listener finds the index without a map
    private byte[][] payloads(int reads, long tag) {
        byte[][] payloads = new byte[reads][];
        Instant now = Instant.now();
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < reads; i++) {
            long thousandths = Math.round((0.6 + random.nextDouble() * 0.4) * 1000);
            sb.setLength(0);
            sb.append("{\"readId\":\"").append(new UUID(tag, i)).append("\",\"cameraId\":\"").append(camera)
                    .append("\",\"plate\":\"").append(plate(random)).append("\",\"confidence\":").append(thousandths / 1000)
                    .append('.').append((char) ('0' + thousandths % 1000 / 100)).append((char) ('0' + thousandths % 100 / 10))
                    .append((char) ('0' + thousandths % 10)).append(",\"capturedAt\":\"").append(now.plusMillis(i / 50))
                    .append("\",\"heading\":").append(random.nextInt(360)).append(",\"lane\":").append(1 + random.nextInt(2))
                    .append('}');
            payloads[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
        }
        return payloads;
    }

    // the benchmark's own garbage (the payloads it just made) is collected and the rest promoted
    // before the clock starts, so that the phase's collections are the service's own
    private static void settle() {
        System.gc();
    }

    private static long tagOf(byte[] payload) {
        // "{"readId":"xxxxxxxx-xxxx-xxxx-..." : the first 64 bits of the UUID are the tag
        return UUID.fromString(new String(payload, 11, 36, StandardCharsets.US_ASCII)).getMostSignificantBits();
    }

    private Phase brokerOnly(String topic, byte[][] payloads, Duration timeout) throws Exception {
        int reads = payloads.length;
        Semaphore outstanding = new Semaphore(outstandingMax);
        int releaseEvery = Math.max(1, Math.min(RELEASE_EVERY, outstandingMax / 4));
        AtomicInteger received = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        CountDownLatch allReceived = new CountDownLatch(reads);
        Mqtt5AsyncClient[] subs = new Mqtt5AsyncClient[connections];
        // several connections split the reads as a share group, as the intake's connections do
        String filter = new UnitTopics(root).filter(UnitTopics.Kind.READS);
        if (connections > 1) {
            filter = "$share/bench-sub/" + filter;
        }
        for (int k = 0; k < connections; k++) {
            // the intake's client, acknowledging each message when the callback returns
            Mqtt5AsyncClient sub = clients.hiveClient(clients.config().clientIdPrefix() + "-bench-sub-" + k).buildAsync();
            sub.publishes(MqttGlobalPublishFilter.ALL, p -> {
                lastArrival.set(System.nanoTime());
                // the window reopens a few reads at a time, as the intake's commits reopen it a batch
                // at a time: a release per read woke a waiting publisher per read
                if (received.incrementAndGet() % releaseEvery == 0) {
                    outstanding.release(releaseEvery);
                }
                allReceived.countDown();
            });
            // a client window larger than the benchmark's own, sent explicitly (65,535 is the default
            // and is left out of CONNECT): without it Mosquitto 2.0.11 applies its own
            // max_inflight_messages, queues the rest, and left ~2,000 reads undelivered at the end
            sub.connectWith().cleanStart(true).restrictions().receiveMaximum(65_534).applyRestrictions().send()
                    .get(10, TimeUnit.SECONDS);
            sub.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().get(10, TimeUnit.SECONDS);
            subs[k] = sub;
        }
        settle();
        JvmCpu cpu0 = JvmCpu.now();
        long a0 = System.nanoTime();
        long publishing = publishers.publishAll(topic, payloads, null, outstanding, timeout);
        long a1 = awaitQuiet(allReceived, received, lastArrival, timeout);
        JvmCpu cpu1 = JvmCpu.now();
        for (Mqtt5AsyncClient sub : subs) {
            disconnectQuietly(sub);
        }
        return new Phase(received.get(), a1 - a0, cpu1.processNanosSince(cpu0), new long[0],
                cpu1.breakdownSince(cpu0, Math.max(1, received.get()), publishing), cpu1.jitMillisSince(cpu0));
    }

    private Phase durable(String topic, byte[][] payloads, Duration timeout) throws Exception {
        int reads = payloads.length;
        long tag = tagOf(payloads[0]);
        Semaphore outstanding = new Semaphore(outstandingMax);
        long[] publishedAt = new long[reads];
        long[] latencyNanos = new long[reads];
        AtomicInteger committed = new AtomicInteger();
        AtomicLong lastCommit = new AtomicLong(System.nanoTime());
        CountDownLatch allCommitted = new CountDownLatch(reads);
        IntakeStats stats = new IntakeStats();
        stats.setListener((batch, at) -> {
            for (Delivery d : batch) {
                for (CheckedRead r : d.reads()) {
                    if (r instanceof CheckedRead.Good g && g.read().readId().getMostSignificantBits() == tag) {
                        int i = (int) g.read().readId().getLeastSignificantBits();
                        if (latencyNanos[i] == 0) {
                            latencyNanos[i] = at - publishedAt[i];
                            committed.incrementAndGet();
                            allCommitted.countDown();
                            outstanding.release();
                        }
                    }
                }
            }
            lastCommit.set(at);
        });
        // an instance of its own per phase, its sessions discarded afterwards: a session left behind
        // would collect the next phase's reads
        IngestProperties settings = durableSettings("bench-" + Long.toHexString(tag));
        List<ReadIntake> intakes = new ArrayList<>();
        EquipmentRegistry equipment = new EquipmentRegistry(dataSource, Duration.ZERO);
        for (int k = 0; k < connections; k++) {
            intakes.add(new ReadIntake(clients, settings.withInstanceId(settings.connectionInstanceId(k)), dataSource,
                    equipment, stats));
        }
        try {
            intakes.forEach(ReadIntake::start);
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!intakes.stream().allMatch(ReadIntake::isConnected) && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
            settle();
            JvmCpu cpu0 = JvmCpu.now();
            long b0 = System.nanoTime();
            long publishing = publishers.publishAll(topic, payloads, publishedAt, outstanding, timeout);
            long b1 = awaitQuiet(allCommitted, committed, lastCommit, timeout);
            JvmCpu cpu1 = JvmCpu.now();
            out.println("    intake: " + stats);
            return new Phase(committed.get(), b1 - b0, cpu1.processNanosSince(cpu0), latencyNanos,
                    cpu1.breakdownSince(cpu0, Math.max(1, committed.get()), publishing), cpu1.jitMillisSince(cpu0));
        } finally {
            for (ReadIntake intake : intakes) {
                intake.close();
                discardSession(intake.clientId());
            }
        }
    }

    private void discardSession(String clientId) throws Exception {
        Mqtt5AsyncClient c = clients.hiveClient(clientId).buildAsync();
        c.connectWith().cleanStart(true).sessionExpiryInterval(0).send().get(10, TimeUnit.SECONDS);
        disconnectQuietly(c);
    }

    // the figures are taken: a broker slow to confirm the DISCONNECT changes nothing
    private void disconnectQuietly(Mqtt5AsyncClient c) {
        try {
            c.disconnect().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            out.println("    (a subscriber's disconnect was not confirmed within 5 s: " + e + ")");
        }
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
}
