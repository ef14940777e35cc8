package org.sightline.app.cli.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.postgresql.PGConnection;
import org.sightline.alerting.hotlist.HotlistService;
import org.sightline.alerting.hotlist.LiveHotlists;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistKind;
import org.sightline.alerting.match.bench.AlertQualityBenchmark;
import org.sightline.alerting.match.bench.SyntheticPlates;
import org.sightline.app.Sightline;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;
import org.sightline.platform.mqtt.MqttClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sightline bench alerts}: (1) alert quality on synthetic ground truth (1M-entry hotlist,
 * 3 % misreads): recall exact-only vs fuzzy, false alerts per 10,000 reads; (2) latency of the
 * running service: reads published on the broker at a fixed rate with a 1M-entry hotlist, time
 * from publish to the alert's event on the console's SSE stream (over HTTP, as the console gets
 * it). Reads come from alerting's own generator: no simulator of the ingest module was available.
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Alerts: quality (recall, false alerts) and publish -> SSE latency at a read rate with a 1M hotlist (needs SIGHTLINE_DB_URL and a broker).")
public class AlertsBench implements Callable<Integer> {

    private static final Pattern DATA_PLATE = Pattern.compile("\"plate\":\"([A-Z0-9]+)\"");
    private static final Pattern EVENT_KIND = Pattern.compile("\"kind\":\"([a-z]+)\"");

    @Option(names = "--entries", defaultValue = "1000000", description = "Hotlist size (default ${DEFAULT-VALUE}).")
    int entries;

    @Option(names = "--rate", defaultValue = "5000", description = "Reads per second published (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--seconds", defaultValue = "30", description = "How long to publish (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--listed-share", defaultValue = "0.02", description = "Share of reads of listed vehicles (default ${DEFAULT-VALUE}).")
    double listedShare;

    @Option(names = "--quality-reads", defaultValue = "1000000", description = "Reads in the quality run (default ${DEFAULT-VALUE}).")
    int qualityReads;

    @Override
    public Integer call() throws Exception {
        Machine.print();
        List<AlertQualityBenchmark.Row> rows = new AlertQualityBenchmark(System.out).run(entries, qualityReads, listedShare,
                0.03, 20261123L);
        System.gc();
        double[] latency = latency();
        Machine.bench("alerts.p50_ms", latency[0], "ms");
        Machine.bench("alerts.p95_ms", latency[1], "ms");
        Machine.bench("alerts.p99_ms", latency[2], "ms");
        Machine.bench("alerts.exact_recall", round(rows.get(0).recall()), "ratio");
        Machine.bench("alerts.fuzzy_recall", round(rows.get(2).recall()), "ratio");
        Machine.bench("alerts.false_per_10k", Math.round(rows.get(2).falsePer10k() * 100) / 100.0, "alerts");
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private double[] latency() throws Exception {
        String root = "bench-alerts-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = Map.of("sightline.mqtt.check-at-startup", false, "sightline.broker.embedded.enabled", false,
                "sightline.ingest.enabled", false,
                "micronaut.server.port", -1, "sightline.alerting.topic-root", root,
                "sightline.alerting.instance-id", "bench" + UUID.randomUUID().toString().substring(0, 6),
                "sightline.alerting.session-expiry", "5m", "sightline.alerting.retro-window", "0s");
        try (ApplicationContext ctx = ApplicationContext.builder().mainClass(Sightline.class).deduceEnvironment(false)
                .banner(false).environments("cli").properties(props).start()) {
            EmbeddedServer server = ctx.getBean(EmbeddedServer.class);
            server.start();
            SyntheticPlates gen = new SyntheticPlates(42);
            String[] listed = load(ctx, gen);
            long t0 = System.nanoTime();
            int held = ctx.getBean(LiveHotlists.class).size();
            System.out.printf(Locale.ROOT, "matcher loaded %,d entries from the database in %.1f s%n", held,
                    (System.nanoTime() - t0) / 1e9);
            String password = "bench-" + UUID.randomUUID();
            ctx.getBean(UserService.class).createOrReplace("bench-operator", password, EnumSet.of(Role.OPERATOR), false);
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.getPort();
            String token = token(http, base, password);
            String feed = http.send(HttpRequest.newBuilder(URI.create(base + "/api/alerts?limit=1"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher last = Pattern.compile("\"lastEventId\":(\\d+)").matcher(feed);
            long lastEventId = last.find() ? Long.parseLong(last.group(1)) : 0;

            Map<String, Long> published = new ConcurrentHashMap<>();
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            AtomicLong otherAlerts = new AtomicLong();
            HttpResponse<java.util.stream.Stream<String>> stream = http.send(HttpRequest.newBuilder(
                            URI.create(base + "/api/alerts/stream?after=" + lastEventId))
                    .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofLines());
            Thread reader = new Thread(() -> stream.body().forEach(line -> {
                if (!line.startsWith("data:")) {
                    return;
                }
                long now = System.nanoTime();
                Matcher k = EVENT_KIND.matcher(line);
                Matcher p = DATA_PLATE.matcher(line);
                if (k.find() && k.group(1).equals("created") && p.find()) {
                    if (published.containsKey(p.group(1))) {
                        arrived.putIfAbsent(p.group(1), now);
                    } else {
                        otherAlerts.incrementAndGet();
                    }
                }
            }), "bench-sse");
            reader.setDaemon(true);
            reader.start();

            MqttClients clients = ctx.getBean(MqttClients.class);
            MqttClient unit = clients.newClient("bench-unit-" + UUID.randomUUID());
            var options = clients.options(true, 0);
            unit.connect(options);
            int total = rate * seconds;
            long interval = 1_000_000_000L / rate;
            long start = System.nanoTime();
            int listedReads = 0;
            Set<Integer> used = new HashSet<>();
            for (int i = 0; i < total; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 200_000));
                }
                String plate;
                boolean isListed = gen.nextDouble() < listedShare;
                if (isListed) {
                    int idx;
                    do {
                        idx = gen.nextInt(listed.length);
                    } while (!used.add(idx));
                    plate = listed[idx];
                    listedReads++;
                } else {
                    plate = gen.plate();
                }
                String json = "{\"readId\":\"" + UUID.randomUUID() + "\",\"cameraId\":\"BENCH-CAM\",\"plate\":\"" + plate
                        + "\",\"confidence\":0.9,\"capturedAt\":\"" + Instant.now() + "\"}";
                MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                if (isListed) {
                    published.put(plate, System.nanoTime());
                }
                publish(unit, root + "/units/BENCH-UNIT/reads", m);
            }
            double pubSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "published %,d reads in %.1f s (%,.0f reads/s, QoS 1), %,d of listed vehicles%n",
                    total, pubSeconds, total / pubSeconds, listedReads);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (arrived.size() < published.size() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000_000);
            }
            unit.disconnect();
            System.out.printf(Locale.ROOT, "alerting took %,d read messages off the broker (the rest were dropped by the broker or"
                    + " still queued: Mosquitto's max_queued_messages caps a lagging subscriber's queue)%n",
                    ctx.getBean(org.sightline.alerting.read.adapter.mqtt.ReadSubscriber.class).processed());
            double[] ms = arrived.entrySet().stream().mapToDouble(e -> (e.getValue() - published.get(e.getKey())) / 1e6)
                    .sorted().toArray();
            System.out.printf(Locale.ROOT, "alerts on the SSE stream: %,d of %,d listed reads (%,d other alerts)%n",
                    ms.length, published.size(), otherAlerts.get());
            if (ms.length == 0) {
                return new double[] {Double.NaN, Double.NaN, Double.NaN};
            }
            double[] r = {pct(ms, 0.50), pct(ms, 0.95), pct(ms, 0.99)};
            System.out.printf(Locale.ROOT, "publish -> SSE event: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (goal p99 <= 100 ms)%n",
                    r[0], r[1], r[2], ms[ms.length - 1]);
            stream.body().close();
            return r;
        }
    }

    /** Publishes at QoS 1, waiting while the broker's in-flight window is full. */
    private static void publish(MqttClient unit, String topic, MqttMessage m) throws Exception {
        while (true) {
            try {
                unit.publish(topic, m);
                return;
            } catch (org.eclipse.paho.mqttv5.common.MqttException e) {
                if (e.getReasonCode() != org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    throw e;
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    private static double pct(double[] sorted, double p) {
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] * 10) / 10.0;
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

    /** Creates the list and copies the entries straight into the table (the import API is for people). */
    private String[] load(ApplicationContext ctx, SyntheticPlates gen) throws Exception {
        ctx.getBean(HotlistService.class).saveList(new Hotlist("bench", "Benchmark list", HotlistKind.OTHER,
                AlertScope.ANYWHERE, false), "bench", true);
        DataSource ds = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
        String[] plates = new String[entries];
        Set<String> seen = new HashSet<>(entries * 2);
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("DELETE FROM alert_hotlist_entry WHERE list_code = 'bench'"
                    + " AND NOT EXISTS (SELECT 1 FROM alert WHERE alert.entry_id = alert_hotlist_entry.id)");
            c.createStatement().execute("UPDATE alert_hotlist_entry SET removed_at = now(), removed_by = 'bench'"
                    + " WHERE list_code = 'bench' AND removed_at IS NULL");
            StringBuilder csv = new StringBuilder(entries * 120);
            Instant from = Instant.now().minus(Duration.ofDays(1));
            Instant to = Instant.now().plus(Duration.ofDays(29));
            for (int i = 0; i < entries; ) {
                String p = gen.plate();
                if (seen.add(p)) {
                    plates[i++] = p;
                    csv.append(UUID.randomUUID()).append(",bench,").append(p).append(",benchmark,").append(50 + i % 50)
                            .append(",\"\",false,bench,").append(from).append(',').append(to).append(",bench,").append(from).append('\n');
                }
            }
            ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY alert_hotlist_entry (id, list_code, plate,"
                    + " reason, priority, instruction, covert, source, valid_from, expires_at, created_by, created_at)"
                    + " FROM STDIN (FORMAT csv)", new StringReader(csv.toString()));
        }
        System.out.printf(Locale.ROOT, "hotlist: %,d entries copied into the database in %.1f s%n", entries,
                (System.nanoTime() - t0) / 1e9);
        return Arrays.copyOf(plates, plates.length);
    }
}
