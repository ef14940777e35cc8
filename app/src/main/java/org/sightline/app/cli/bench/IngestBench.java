package org.sightline.app.cli.bench;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.sightline.app.Sightline;
import org.sightline.ingest.bench.IngestBenchmark;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.platform.mqtt.MqttClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sightline bench ingest}: broker-only QoS 1 throughput against durable intake throughput
 * (publish, committed row, acknowledgement) on a private Mosquitto sized as in production (or, with
 * {@code --broker configured}, the configured broker) and the database ({@code SIGHTLINE_DB_URL}).
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Ingest: broker-only vs durable reads/s, ratio, publish->commit p50/p99 (needs SIGHTLINE_DB_URL and a broker).")
public class IngestBench implements Callable<Integer> {

    @Option(names = "--reads", defaultValue = "200000", description = "Reads per phase (default ${DEFAULT-VALUE}).")
    int reads;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Times both phases run after the warm-up; the figures are the medians (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--window", defaultValue = "1500",
            description = "Most reads in transit (published, not yet committed); below the broker's in-flight limit for the intake, "
                    + "max_inflight_messages 2000 in config/mosquitto, so that the broker never queues for it (Mosquitto 2.0.11 left "
                    + "queued reads undelivered), and below its per-client queue, max_queued_messages (default ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--connections", defaultValue = "1",
            description = "Subscriber connections in both phases (the intake's sightline.ingest.connections; default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--load", defaultValue = "wire",
            description = "How the benchmark's units publish: wire (lean MQTT publishers that leave the CPU to the broker, service "
                    + "and database, as units on their own hardware do) or paho (Paho clients in this process; default ${DEFAULT-VALUE}).")
    String load;

    @Option(names = "--timeout", defaultValue = "120", description = "Longest a phase may take, seconds (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Mixin
    BrokerChoice broker = new BrokerChoice();

    @Override
    public Integer call() throws Exception {
        if (reads < 1000 || reads > 2_000_000) {
            System.err.println("--reads must be 1000-2000000");
            return 2;
        }
        if (rounds < 1 || rounds > 9) {
            System.err.println("--rounds must be 1-9");
            return 2;
        }
        if (window < 10 || window > 100_000) {
            System.err.println("--window must be 10-100000");
            return 2;
        }
        if (connections < 1 || connections > 16) {
            System.err.println("--connections must be 1-16");
            return 2;
        }
        if (!load.equals("wire") && !load.equals("paho")) {
            System.err.println("--load must be wire or paho");
            return 2;
        }
        if (!broker.valid()) {
            System.err.println("--broker must be private or configured");
            return 2;
        }
        Machine.print();
        Optional<LocalMosquitto> own = broker.start();
        try {
            return run(own);
        } finally {
            if (own.isPresent()) {
                own.get().close();
            }
        }
    }

    private int run(Optional<LocalMosquitto> own) throws Exception {
        Map<String, Object> props = new HashMap<>(Map.of("sightline.mqtt.check-at-startup", false,
                "sightline.broker.embedded.enabled", false, "micronaut.server.enabled", false));
        own.ifPresent(b -> props.put("sightline.mqtt.url", b.url()));
        try (ApplicationContext ctx = ApplicationContext.builder().mainClass(Sightline.class).deduceEnvironment(false)
                .banner(false).environments("cli").properties(props).start()) {
            MqttClients clients = ctx.getBean(MqttClients.class);
            DataSource ds = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            System.out.println("broker: " + clients.config().url() + "; database: " + System.getenv().getOrDefault("SIGHTLINE_DB_URL", "(default)"));
            IngestBenchmark.Result r = new IngestBenchmark(clients, ds, System.out, window, connections,
                    IngestBenchmark.Load.valueOf(load.toUpperCase(java.util.Locale.ROOT))).run(reads, rounds,
                    Duration.ofSeconds(timeoutSeconds));
            System.out.printf(java.util.Locale.ROOT, "durable / broker-only = %.2f (goal >= 0.7); durable goal >= 20000 reads/s%n", r.ratio());
            Machine.bench("ingest.p50_commit_ms", Math.round(r.p50CommitMs() * 10) / 10.0, "ms");
            Machine.bench("ingest.broker_only_per_s", Math.round(r.brokerOnlyPerSecond()), "reads/s");
            Machine.bench("ingest.durable_per_s", Math.round(r.durablePerSecond()), "reads/s");
            Machine.bench("ingest.ratio", Math.round(r.ratio() * 1000) / 1000.0, "ratio");
            Machine.bench("ingest.p99_commit_ms", Math.round(r.p99CommitMs() * 10) / 10.0, "ms");
            return 0;
        }
    }
}
