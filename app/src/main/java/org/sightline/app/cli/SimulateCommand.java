package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.sightline.app.Sightline;
import org.sightline.geo.io.CsvRecordReader;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.simulator.adapter.FleetSimulator;
import org.sightline.ingest.simulator.adapter.SimulatedEstate;
import org.sightline.ingest.simulator.domain.RouteCamera;
import org.sightline.ingest.simulator.domain.SimulatorSettings;
import org.sightline.platform.mqtt.MqttClients;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code sightline simulate}: a fleet of roadside units on the cameras of the database's estate. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Run simulated roadside units that publish plate reads, heartbeats and status to the configured broker, "
                + "driving vehicles along the arterial routes past the estate's ANPR cameras; what really passed is kept in "
                + "simulation_ground_truth. Runs until Ctrl-C or --duration.")
public class SimulateCommand implements Callable<Integer> {

    @Option(names = "--vehicles-per-minute", defaultValue = "120", description = "Journeys per minute (default ${DEFAULT-VALUE}).")
    double vehiclesPerMinute;

    @Option(names = "--misread-rate", defaultValue = "0.03", description = "Share of OCR misreads (default ${DEFAULT-VALUE}).")
    double misreadRate;

    @Option(names = "--duplicate-rate", defaultValue = "0.01", description = "Share of messages delivered twice (default ${DEFAULT-VALUE}).")
    double duplicateRate;

    @Option(names = "--malformed-rate", defaultValue = "0.002", description = "Share of malformed messages (default ${DEFAULT-VALUE}).")
    double malformedRate;

    @Option(names = "--heartbeat", defaultValue = "30s", description = "Heartbeat interval, e.g. 30s (default ${DEFAULT-VALUE}).")
    String heartbeat;

    @Option(names = "--outage-every", defaultValue = "5m", description = "How often a unit drops off the network; 0 for never (default ${DEFAULT-VALUE}).")
    String outageEvery;

    @Option(names = "--outage-length", defaultValue = "2m", description = "How long an outage lasts (default ${DEFAULT-VALUE}).")
    String outageLength;

    @Option(names = "--silent-cameras", defaultValue = "1", description = "Cameras that go silent (default ${DEFAULT-VALUE}).")
    int silentCameras;

    @Option(names = "--duration", defaultValue = "0", description = "Stop after this long, e.g. 10m; 0 runs until Ctrl-C (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--alternatives-rate", defaultValue = "0.4",
            description = "Share of reads sent with the OCR's alternative readings (default ${DEFAULT-VALUE}).")
    double alternativesRate;

    @Option(names = "--misread-truth-rate", defaultValue = "0.85",
            description = "Share of misreads whose alternatives hold the true plate (default ${DEFAULT-VALUE}).")
    double misreadTruthRate;

    @Option(names = "--vehicles-from", paramLabel = "FILE",
            description = "Registrations that also drive (e.g. a hotlist CSV with a 'plate' column, or one plate per line): "
                    + "each journey is one of them with probability --vehicles-share.")
    Path vehiclesFrom;

    @Option(names = "--vehicles-share", defaultValue = "0.02",
            description = "Share of journeys made by a vehicle of --vehicles-from (default ${DEFAULT-VALUE}).")
    double vehiclesShare;

    @Option(names = "--client-id-prefix", description = "MQTT client ids are <prefix>-<unit id>; default sim-<random> for each run, "
            + "so that simulators sharing a broker do not throw each other off.")
    String clientIdPrefix;

    @Override
    public Integer call() throws Exception {
        SimulatorSettings settings;
        Duration runFor;
        List<String> known;
        try {
            settings = new SimulatorSettings(vehiclesPerMinute, misreadRate, duplicateRate, malformedRate, parse("--heartbeat", heartbeat),
                    parse("--outage-every", outageEvery), parse("--outage-length", outageLength), silentCameras, seed,
                    alternativesRate, misreadTruthRate);
            if (clientIdPrefix != null && !clientIdPrefix.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("--client-id-prefix must be 1-40 letters, digits, '-' or '_', was '"
                        + clientIdPrefix + "'");
            }
            runFor = parse("--duration", duration);
            if (!(vehiclesShare >= 0 && vehiclesShare <= 1)) {
                throw new IllegalArgumentException("--vehicles-share must be 0-1, was " + vehiclesShare);
            }
            known = vehiclesFrom == null ? List.of() : registrations(vehiclesFrom);
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot simulate: " + e.getMessage());
            return 2;
        }
        try (ApplicationContext ctx = ApplicationContext.builder().mainClass(Sightline.class).deduceEnvironment(false).banner(false)
                .environments("cli")
                // the simulator is a separate process: it must not join the service's subscriptions
                // (same client ids: the two would keep disconnecting each other)
                .properties(Map.of("sightline.mqtt.check-at-startup", false, "sightline.broker.embedded.enabled", false,
                        "sightline.ingest.enabled", false, "sightline.alerting.listen", false,
                        "sightline.retention.enabled", false, "micronaut.server.enabled", false))
                .start()) {
            DataSource ds = DelegatingDataSource.unwrapDataSource(ctx.getBean(DataSource.class));
            List<RouteCamera> cameras = SimulatedEstate.load(ds);
            if (cameras.isEmpty()) {
                System.err.println("There are no active ANPR cameras on registered units in the database: load the demo area "
                        + "or import a camera estate first.");
                return 2;
            }
            MqttClients clients = ctx.getBean(MqttClients.class);
            UnitTopics topics = new UnitTopics(ctx.getBean(IngestProperties.class).topicRoot());
            CountDownLatch stop = new CountDownLatch(1);
            try (FleetSimulator sim = clientIdPrefix == null ? new FleetSimulator(clients, ds, topics, settings, cameras, System.out)
                    : new FleetSimulator(clients, ds, topics, settings, cameras, System.out, clientIdPrefix)) {
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "simulate-stop"));
                if (!known.isEmpty()) {
                    sim.alsoDrive(known, vehiclesShare);
                    System.out.printf(java.util.Locale.ROOT, "%,d registrations from %s also drive (%.1f %% of journeys)%n", known.size(),
                            vehiclesFrom, 100 * vehiclesShare);
                }
                sim.start();
                System.out.println("Publishing to " + clients.config().url() + " under " + topics.root() + "/units/…; Ctrl-C stops.");
                long limitMs = runFor.isZero() ? Long.MAX_VALUE : runFor.toMillis();
                long started = System.currentTimeMillis();
                while (!stop.await(Math.min(30_000, Math.max(1, limitMs - (System.currentTimeMillis() - started))), TimeUnit.MILLISECONDS)
                        && System.currentTimeMillis() - started < limitMs) {
                    System.out.println("simulator: " + sim.summary());
                }
                System.out.println("simulator stopped: " + sim.summary());
            }
            return 0;
        } catch (RuntimeException e) {
            System.err.println(StartupFailure.explain(e));
            return 2;
        }
    }

    /**
     * The registrations in a file, read as CSV by {@link CsvRecordReader} (quoted fields too):
     * the 'plate' column when a header names it, else the first field of each line; blank lines
     * and '#' comments skipped, each normalised (upper case, letters and digits only).
     *
     * @throws IllegalArgumentException naming the file when it cannot be read, a registration is
     *         not 2-8 letters and digits, or it holds none
     */
    static List<String> registrations(Path file) {
        java.util.LinkedHashSet<String> plates = new java.util.LinkedHashSet<>();
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            CsvRecordReader csv = new CsvRecordReader(in);
            List<String> record = csv.next();
            int column = record == null ? -1
                    : record.stream().map(f -> f.strip().toLowerCase(java.util.Locale.ROOT)).toList().indexOf("plate");
            if (column >= 0) {
                record = csv.next(); // a header naming the column
            } else {
                column = 0;
            }
            for (; record != null; record = csv.next()) {
                String first = record.get(0).strip();
                if (record.size() == 1 && first.isEmpty() || first.startsWith("#")) {
                    continue;
                }
                String field = column < record.size() ? record.get(column) : "";
                String plate = field.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
                if (plate.length() < 2 || plate.length() > 8) {
                    throw new IllegalArgumentException(file + " line " + csv.recordLine() + ": '" + field
                            + "' is not a registration (2-8 letters and digits)");
                }
                plates.add(plate);
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
        if (plates.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no registrations");
        }
        return List.copyOf(plates);
    }

    private static Duration parse(String option, String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("0")) {
            return Duration.ZERO;
        }
        try {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(option + " must be a whole number with s, m or h (e.g. 30s, 5m), was '" + text + "'");
        }
    }
}
