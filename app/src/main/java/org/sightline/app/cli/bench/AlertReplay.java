package org.sightline.app.cli.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.postgresql.PGConnection;
import org.sightline.alerting.hotlist.HotlistService;
import org.sightline.alerting.hotlist.LiveHotlists;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.HotlistKind;
import org.sightline.alerting.match.domain.Match;
import org.sightline.alerting.read.adapter.mqtt.ReadDecoder;
import org.sightline.alerting.read.adapter.mqtt.ReadSubscriber;
import org.sightline.alerting.read.domain.IncomingRead;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.platform.mqtt.WirePublisher;

/**
 * Replays a {@link SimulatorRecording} into the running service at a fixed rate, as its units
 * would publish it, with the hotlist in the database and the service's matcher: for the first read
 * of each vehicle that should alert, the time from publishing it to the alert's event on the
 * console's SSE stream (read over HTTP as the console reads it) and to the alert on MQTT; then
 * the alerts the service stored, scored against the simulator's truth.
 */
final class AlertReplay {

    private static final Pattern DATA_PLATE = Pattern.compile("\"plate\":\"([A-Z0-9]+)\"");
    private static final Pattern EVENT_KIND = Pattern.compile("\"kind\":\"([a-z]+)\"");

    /** What the replay measured. */
    record Result(double[] sseMs, double[] mqttMs, int expected, long otherAlerts, long messagesTaken, LiveScore live) {
    }

    /** The service's stored alerts against the truth. */
    record LiveScore(long listedSightings, long alerted, long falseAlerts, long reads) {
        double recall() {
            return listedSightings == 0 ? Double.NaN : alerted / (double) listedSightings;
        }

        double falsePer10k() {
            return reads == 0 ? Double.NaN : falseAlerts * 10_000.0 / reads;
        }
    }

    private final ApplicationContext ctx;
    private final String root;
    private final PrintStream out;

    AlertReplay(ApplicationContext ctx, String root, PrintStream out) {
        this.ctx = ctx;
        this.root = root;
        this.out = out;
    }

    /** Creates the benchmark list and copies the entries straight into the table (the import API is for people). */
    void load(List<HotlistEntry> entries) throws Exception {
        ctx.getBean(HotlistService.class).saveList(new Hotlist(SimulatedHotlist.LIST, "Benchmark list", HotlistKind.OTHER,
                AlertScope.ANYWHERE, false), "bench", true);
        DataSource ds = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM alert_hotlist_entry WHERE list_code = 'bench'"
                    + " AND NOT EXISTS (SELECT 1 FROM alert WHERE alert.entry_id = alert_hotlist_entry.id)");
            st.execute("UPDATE alert_hotlist_entry SET removed_at = now(), removed_by = 'bench'"
                    + " WHERE list_code = 'bench' AND removed_at IS NULL");
            StringBuilder csv = new StringBuilder(entries.size() * 120);
            for (HotlistEntry e : entries) {
                csv.append(e.id()).append(',').append(e.listCode()).append(',').append(e.plate().value()).append(",benchmark,")
                        .append(e.priority()).append(",\"\",false,bench,").append(e.validFrom()).append(',').append(e.expiresAt())
                        .append(",bench,").append(e.createdAt()).append('\n');
            }
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY alert_hotlist_entry (id, list_code, plate,"
                    + " reason, priority, instruction, covert, source, valid_from, expires_at, created_by, created_at)"
                    + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        }
        out.printf(Locale.ROOT, "  hotlist: %,d entries copied into the database in %.1f s%n", entries.size(),
                (System.nanoTime() - t0) / 1e9);
        // the copy's writes are flushed now, not by a checkpoint in the middle of the measured replay
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (java.sql.SQLException e) {
            out.println("  (no CHECKPOINT after the copy: " + e.getMessage() + "; a checkpoint may fall in the replay)");
        }
        t0 = System.nanoTime();
        int held = ctx.getBean(LiveHotlists.class).size();
        out.printf(Locale.ROOT, "  the service's matcher loaded %,d entries from the database in %.1f s%n", held,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * Publishes the recording at {@code rate} messages per second and measures.
     *
     * @param truth the simulator's truth by read id
     */
    Result run(SimulatorRecording recording, Map<UUID, SimulatorRecording.Truth> truth, int rate, int warmUpSeconds)
            throws Exception {
        List<SimulatorRecording.Message> messages = recording.messages();
        ReadDecoder decoder = new ReadDecoder(ctx.getBean(io.micronaut.json.JsonMapper.class));
        LiveHotlists live = ctx.getBean(LiveHotlists.class);
        // the first message of each alert to come: the matcher the service uses, on the reads it will get
        List<List<String>> expect = new ArrayList<>(messages.size());
        Set<String> alerting = new HashSet<>();
        for (SimulatorRecording.Message m : messages) {
            List<String> first = new ArrayList<>(0);
            for (IncomingRead r : decoder.decode(m.unitId(), m.payload()).reads()) {
                for (Match match : live.match(r.candidates(), r.capturedAt())) {
                    if (alerting.add(match.entry().plate().value())) {
                        first.add(match.entry().plate().value());
                    }
                }
            }
            expect.add(first);
        }

        EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
        String password = "bench-" + UUID.randomUUID();
        ctx.getBean(UserService.class).createOrReplace("bench-operator", password, EnumSet.of(Role.OPERATOR), false);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + server.getPort();
        String token = token(http, base, password);
        String feed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?limit=1"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher last = Pattern.compile("\"lastEventId\":(\\d+)").matcher(feed);
        long lastEventId = last.find() ? Long.parseLong(last.group(1)) : 0;

        // the first seconds of the stream warm the service up (its compiler, caches, connections),
        // as hours of traffic would have: their alerts are neither timed nor counted as unexpected
        int warm = (int) Math.min(messages.size() / 4, (long) rate * warmUpSeconds);
        Set<String> warmPlates = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < warm; i++) {
            warmPlates.addAll(expect.get(i));
        }
        Map<String, Long> published = new ConcurrentHashMap<>();
        Map<String, Long> onSse = new ConcurrentHashMap<>();
        Map<String, Long> onMqtt = new ConcurrentHashMap<>();
        AtomicLong other = new AtomicLong();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/alerts/stream?after=" + lastEventId))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        arrived(line, System.nanoTime(), published, warmPlates, onSse, other);
                    }
                });
            } catch (java.io.UncheckedIOException e) {
                // the benchmark closed the stream
            }
        }, "bench-sse");
        reader.setDaemon(true);
        reader.start();

        MqttClients clients = ctx.getBean(MqttClients.class);
        MqttClient watcher = clients.newClient("bench-alerts-out-" + UUID.randomUUID());
        watcher.connect(clients.options(true, 0));
        IMqttMessageListener outListener = (topic, message) -> arrived(new String(message.getPayload(),
                StandardCharsets.UTF_8), System.nanoTime(), published, warmPlates, onMqtt, new AtomicLong());
        watcher.subscribe(new MqttSubscription[] {new MqttSubscription(root + "/alerts/+", 1)},
                new IMqttMessageListener[] {outListener});

        ReadSubscriber subscriber = ctx.getBean(ReadSubscriber.class);
        long takenBefore = subscriber.processed();
        Map<String, Long> cpuBefore = Map.of();
        long processBefore = 0;
        long wallBefore = 0;
        // the units' side: a lean QoS 1 publisher (flushed before each wait), so that the load
        // generator takes as little as it can of the CPU the service needs
        WirePublisher unit = WirePublisher.connect(clients.config().url(), "bench-unit-" + UUID.randomUUID(),
                clients.config().username(), clients.config().password(), 1000);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long measuredFrom = start;
        for (int i = 0; i < messages.size(); i++) {
            long due = start + i * interval;
            long wait;
            if (due - System.nanoTime() > 0) {
                unit.flush();
            }
            if (i == warm) {
                measuredFrom = due;
                cpuBefore = threadCpu();
                processBefore = processCpu();
                wallBefore = System.nanoTime();
            }
            // whole milliseconds: the messages that fell due meanwhile go out together, as from many units
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.max(wait, 1_000_000));
            }
            SimulatorRecording.Message m = messages.get(i);
            long now = System.nanoTime();
            if (i >= warm) {
                for (String plate : expect.get(i)) {
                    published.put(plate, now);
                }
            }
            unit.publish((root + "/units/" + m.unitId() + "/reads").getBytes(StandardCharsets.UTF_8), m.payload());
        }
        unit.flush();
        double pubSeconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "  published %,d read messages in %.1f s (%,.0f messages/s, QoS 1); the first %,d (%d s) warmed the service "
                + "up and are not timed; %,d of the rest should open an alert%n",
                messages.size(), pubSeconds, messages.size() / pubSeconds, warm, warmUpSeconds, published.size());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long taken = subscriber.processed() - takenBefore;
        long lastProgress = System.nanoTime();
        while (System.nanoTime() < deadline && (onSse.size() < published.size() || taken < messages.size())) {
            LockSupport.parkNanos(50_000_000);
            long now = subscriber.processed() - takenBefore;
            if (now != taken) {
                taken = now;
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(5)) {
                break; // nothing more is coming: the broker dropped the rest
            }
        }
        cpu(cpuBefore, threadCpu(), processCpu() - processBefore, System.nanoTime() - wallBefore, messages.size() - warm);
        stages(published, onSse);
        timeline(published, onSse, measuredFrom);
        try (unit) {
            if (!unit.finish(10_000) || unit.refused() > 0) {
                out.printf(Locale.ROOT, "  the broker refused %d read messages or did not acknowledge them all%n", unit.refused());
            }
        }
        watcher.disconnect();
        watcher.close();
        stream.body().close();
        LiveScore score = score(truth);
        return new Result(latencies(published, onSse), latencies(published, onMqtt), published.size(), other.get(),
                subscriber.processed() - takenBefore, score);
    }

    /** CPU time so far of each live thread, by name (threads of one name summed). */
    private static Map<String, Long> threadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null) {
                long cpu = mx.getThreadCpuTime(t.getThreadId());
                if (cpu > 0) {
                    out.merge(t.getThreadName().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}|[0-9]+$", "#"), cpu, Long::sum);
                }
            }
        }
        return out;
    }

    /** Prints where this process spent its CPU during the replay (threads above 2 %). */
    private static long processCpu() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private void cpu(Map<String, Long> before, Map<String, Long> after, long processNanos, long wallNanos, int messages) {
        long total = 0;
        List<Map.Entry<String, Long>> used = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            total += Math.max(0, d);
            used.add(Map.entry(e.getKey(), d));
        }
        used.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        long all = total;
        out.printf(Locale.ROOT, "  CPU of this process while replaying: %.1f s in %.1f s (%.0f µs per message; Java threads"
                        + " %.1f s, the rest is GC and the compiler); Java threads: %s%n", processNanos / 1e9, wallNanos / 1e9,
                processNanos / 1e3 / messages, total / 1e9, used.stream().filter(e -> e.getValue() > all / 50)
                        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / all))
                        .collect(java.util.stream.Collectors.joining(", ")));
    }

    /**
     * Where the time to the console goes, per alert: publish → the alert's transaction began (the
     * broker, alerting's intake queue and the match) and from there → the console had the event
     * (writing, commit, the stream's wake-up, its query and HTTP). The alert's {@code created_at}
     * is its transaction's start on the same machine's clock.
     */
    private void stages(Map<String, Long> published, Map<String, Long> onSse) throws Exception {
        long offsetMicros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, java.time.Instant.now())
                - System.nanoTime() / 1000;
        List<Double> toTransaction = new ArrayList<>();
        List<Double> toConsole = new ArrayList<>();
        DataSource ds = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT plate, min(created_at) FROM alert WHERE list_code = ? AND NOT historic GROUP BY plate")) {
            st.setString(1, SimulatedHotlist.LIST);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Long pub = published.get(rs.getString(1));
                    Long sse = onSse.get(rs.getString(1));
                    if (pub == null || sse == null) {
                        continue;
                    }
                    java.time.Instant created = rs.getTimestamp(2).toInstant();
                    long createdMicros = java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, created);
                    toTransaction.add((createdMicros - (pub / 1000 + offsetMicros)) / 1000.0);
                    toConsole.add((sse / 1000 + offsetMicros - createdMicros) / 1000.0);
                }
            }
        }
        double[] a = toTransaction.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] b = toConsole.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        out.printf(Locale.ROOT, "  stages: publish -> alert transaction began %s; -> event on the console %s%n", describe(a), describe(b));
    }

    /** The worst publish->SSE latency in each 5 s of the replay: a tail spread evenly, or a stall at one moment. */
    private void timeline(Map<String, Long> published, Map<String, Long> onSse, long start) {
        java.util.TreeMap<Long, Double> worst = new java.util.TreeMap<>();
        published.forEach((plate, pub) -> {
            Long sse = onSse.get(plate);
            if (sse != null) {
                worst.merge((pub - start) / 5_000_000_000L, (sse - pub) / 1e6, Math::max);
            }
        });
        StringBuilder line = new StringBuilder("  worst publish -> SSE per 5 s of the timed replay:");
        worst.forEach((slot, ms) -> line.append(String.format(Locale.ROOT, " %d-%ds %.0f ms;", slot * 5, slot * 5 + 5, ms)));
        out.println(line.substring(0, line.length() - 1));
    }

    private static void arrived(String line, long now, Map<String, Long> published, Set<String> warmPlates,
                                Map<String, Long> arrivals, AtomicLong other) {
        Matcher k = EVENT_KIND.matcher(line);
        Matcher p = DATA_PLATE.matcher(line);
        if (k.find() && k.group(1).equals("created") && p.find() && !warmPlates.contains(p.group(1))) {
            if (published.containsKey(p.group(1))) {
                arrivals.putIfAbsent(p.group(1), now);
            } else {
                other.incrementAndGet();
            }
        }
    }

    private static double[] latencies(Map<String, Long> published, Map<String, Long> arrivals) {
        return arrivals.entrySet().stream().filter(e -> published.containsKey(e.getKey()))
                .mapToDouble(e -> (e.getValue() - published.get(e.getKey())) / 1e6).sorted().toArray();
    }

    /** Sightings the service stored on this run's entries, against the truth. */
    private LiveScore score(Map<UUID, SimulatorRecording.Truth> truth) throws Exception {
        DataSource ds = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
        Map<Long, Boolean> alertIsTrue = new HashMap<>();
        Set<UUID> alertedReads = new HashSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement("SELECT s.read_id, e.plate, a.id"
                + " FROM alert_sighting s JOIN alert a ON a.id = s.alert_id JOIN alert_hotlist_entry e ON e.id = a.entry_id"
                + " WHERE a.list_code = ? AND e.removed_at IS NULL")) {
            st.setString(1, SimulatedHotlist.LIST);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    SimulatorRecording.Truth t = truth.get(rs.getObject(1, UUID.class));
                    boolean right = t != null && t.truePlate().equals(rs.getString(2));
                    alertIsTrue.merge(rs.getLong(3), right, Boolean::logicalOr);
                    if (right) {
                        alertedReads.add(t.readId());
                    }
                }
            }
        }
        Set<String> listed = new HashSet<>();
        try (Connection c = ds.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT plate FROM alert_hotlist_entry WHERE list_code = ? AND removed_at IS NULL")) {
            st.setString(1, SimulatedHotlist.LIST);
            st.setFetchSize(10_000);
            c.setAutoCommit(false);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    listed.add(rs.getString(1));
                }
            }
        }
        long listedSightings = truth.values().stream().filter(t -> !t.delivery().equals("MALFORMED"))
                .filter(t -> listed.contains(t.truePlate())).count();
        long falseAlerts = alertIsTrue.values().stream().filter(v -> !v).count();
        long reads = truth.values().stream().filter(t -> !t.delivery().equals("MALFORMED")).count();
        return new LiveScore(listedSightings, alertedReads.size(), falseAlerts, reads);
    }

    private static String token(HttpClient http, String base, String password) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench-operator\",\"password\":\"" + password + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: HTTP " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }

    /** The p-quantile of sorted values (NaN when empty). */
    static double pct(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] * 10) / 10.0;
    }

    static String describe(double[] ms) {
        if (ms.length == 0) {
            return "none arrived";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%,d alerts)", pct(ms, 0.5),
                pct(ms, 0.95), pct(ms, 0.99), ms[ms.length - 1], ms.length);
    }
}
