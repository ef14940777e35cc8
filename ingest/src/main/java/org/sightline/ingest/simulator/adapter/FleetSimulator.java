package org.sightline.ingest.simulator.adapter;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.simulator.domain.Journeys;
import org.sightline.ingest.simulator.domain.OcrReadings;
import org.sightline.ingest.simulator.domain.PlateFactory;
import org.sightline.ingest.simulator.domain.RouteCamera;
import org.sightline.ingest.simulator.domain.SimulatorSettings;
import org.sightline.platform.mqtt.MqttClients;

/**
 * A fleet of simulated roadside units, one MQTT client each (Last Will "offline" on its status
 * topic): vehicles drive journeys past the cameras in order, the units publish the reads (with OCR
 * misreads, duplicate deliveries and malformed messages at the configured rates), send heartbeats,
 * now and then drop off the network and come back with a backlog, and some cameras go silent while
 * reporting themselves healthy. Reads carry the OCR's alternative readings at the configured rate
 * ({@link OcrReadings}). What really passed each camera is written to
 * {@code simulation_ground_truth}.
 */
public final class FleetSimulator implements AutoCloseable {

    private final MqttClients clients;
    private final UnitTopics topics;
    private final SimulatorSettings settings;
    private final PrintStream log;
    private final Random random;
    private final PlateFactory plates;
    private volatile List<String> knownVehicles = List.of();
    private volatile double knownShare;
    private final Journeys journeys;
    private final Map<String, List<RouteCamera>> camerasByUnit = new LinkedHashMap<>();
    private final Map<String, MqttClient> units = new LinkedHashMap<>();
    private final Map<String, List<String>> backlog = new LinkedHashMap<>();
    private final Map<String, AtomicLong> readsSinceHeartbeat = new LinkedHashMap<>();
    private final Set<String> silent = new HashSet<>();
    private final Set<String> away = new HashSet<>();
    private final GroundTruth truths;
    private final OcrReadings ocr;
    private final String clientIdPrefix;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "simulator");
        t.setDaemon(true);
        return t;
    });
    private final Instant startedAt = Instant.now();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong misreads = new AtomicLong();
    private final AtomicLong withAlternatives = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong outages = new AtomicLong();
    private final AtomicLong backlogReads = new AtomicLong();

    public FleetSimulator(MqttClients clients, DataSource dataSource, UnitTopics topics, SimulatorSettings settings,
                          List<RouteCamera> cameras, PrintStream log) {
        this(clients, dataSource, topics, settings, cameras, log, "sim-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /**
     * A fleet whose units connect as {@code <clientIdPrefix>-<unitId>}: the same ids across an
     * outage and its reconnect (a broker keeps a persistent session under its client id), other
     * ids than any other simulator's on the same broker (two clients with one id throw each other
     * off). Without a prefix each fleet takes {@code sim-<8 random hex digits>}.
     *
     * @param clientIdPrefix 1-40 letters, digits, '-' or '_'
     * @throws IllegalArgumentException when the prefix is not
     */
    public FleetSimulator(MqttClients clients, DataSource dataSource, UnitTopics topics, SimulatorSettings settings,
                          List<RouteCamera> cameras, PrintStream log, String clientIdPrefix) {
        if (clientIdPrefix == null || !clientIdPrefix.matches("[A-Za-z0-9_-]{1,40}")) {
            throw new IllegalArgumentException("client id prefix must be 1-40 letters, digits, '-' or '_', was '" + clientIdPrefix + "'");
        }
        this.clientIdPrefix = clientIdPrefix;
        this.truths = new GroundTruth(dataSource, log);
        this.clients = clients;
        this.topics = topics;
        this.settings = settings;
        this.log = log;
        this.random = new Random(settings.seed());
        this.plates = new PlateFactory(random);
        // alternatives draw from a source of their own: a seed keeps its plates, journeys and misreads
        this.ocr = new OcrReadings(random, settings.seed() * 31 + 17, settings.misreadRate(), settings.alternativesRate(),
                settings.misreadTruthRate());
        this.journeys = new Journeys(cameras, random);
        for (RouteCamera c : cameras) {
            camerasByUnit.computeIfAbsent(c.unitId(), k -> new ArrayList<>()).add(c);
        }
        List<RouteCamera> shuffled = new ArrayList<>(cameras);
        java.util.Collections.shuffle(shuffled, random);
        for (int i = 0; i < Math.min(settings.silentCameras(), shuffled.size()); i++) {
            silent.add(shuffled.get(i).cameraId());
        }
    }

    /**
     * Lets these registrations drive too: each journey is made by one of them with probability
     * {@code share} (the demo's watch-listed vehicles), by a new plate otherwise. Call before
     * {@link #start()}.
     *
     * @throws IllegalArgumentException when the share is not in [0, 1]
     */
    public void alsoDrive(List<String> registrations, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be 0-1, was " + share);
        }
        this.knownVehicles = List.copyOf(registrations);
        this.knownShare = share;
    }

    /** Connects every unit and starts traffic, heartbeats, outages and the ground-truth writer. */
    public void start() throws MqttException {
        for (String unit : camerasByUnit.keySet()) {
            MqttClient c = clients.newClient(clientIdOf(unit));
            c.connect(options(unit));
            units.put(unit, c);
            backlog.put(unit, new ArrayList<>());
            readsSinceHeartbeat.put(unit, new AtomicLong());
            publish(unit, topics.of(unit, UnitTopics.Kind.STATUS), "online".getBytes(StandardCharsets.UTF_8), true);
        }
        log.printf(Locale.ROOT, "Simulating %d units with %d ANPR cameras; silent cameras: %s%n", units.size(),
                camerasByUnit.values().stream().mapToInt(List::size).sum(), silent.isEmpty() ? "none" : silent);
        long hb = settings.heartbeatInterval().toMillis();
        scheduler.scheduleAtFixedRate(this::heartbeats, 0, hb, TimeUnit.MILLISECONDS);
        scheduler.schedule(this::nextVehicle, 0, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(truths::flush, 1, 1, TimeUnit.SECONDS);
        if (!settings.outageEvery().isZero() && units.size() > 1) {
            long every = settings.outageEvery().toMillis();
            scheduler.scheduleAtFixedRate(this::outage, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private MqttConnectionOptions options(String unit) {
        MqttConnectionOptions o = clients.options(true, 0);
        o.setAutomaticReconnect(false);
        MqttMessage will = new MqttMessage("offline".getBytes(StandardCharsets.UTF_8));
        will.setQos(1);
        will.setRetained(true);
        o.setWill(topics.of(unit, UnitTopics.Kind.STATUS), will);
        return o;
    }

    private void nextVehicle() {
        try {
            Instant now = Instant.now();
            UUID journey = UUID.randomUUID();
            List<String> known = knownVehicles;
            String plate = !known.isEmpty() && random.nextDouble() < knownShare
                    ? known.get(random.nextInt(known.size())) : plates.newPlate();
            for (Journeys.Pass pass : journeys.next(now)) {
                long delay = Math.max(0, pass.at().toEpochMilli() - now.toEpochMilli());
                scheduler.schedule(() -> passCamera(journey, plate, pass), delay, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            log.println("simulator: " + e);
        } finally {
            // Poisson arrivals at the configured rate
            double meanMs = 60_000.0 / settings.vehiclesPerMinute();
            long next = (long) (-Math.log(1 - random.nextDouble()) * meanMs);
            if (!scheduler.isShutdown()) {
                scheduler.schedule(this::nextVehicle, next, TimeUnit.MILLISECONDS);
            }
        }
    }

    private synchronized void passCamera(UUID journey, String truePlate, Journeys.Pass pass) {
        RouteCamera cam = pass.camera();
        if (silent.contains(cam.cameraId())) {
            return; // an obstructed or misaligned camera: the vehicle passes unseen
        }
        OcrReadings.Reading reading = ocr.read(truePlate);
        String readPlate = reading.plate();
        UUID readId = UUID.randomUUID();
        String json = UnitMessages.read(readId, cam.cameraId(), reading, pass.at(), 1 + random.nextInt(2));
        reads.incrementAndGet();
        if (!readPlate.equals(truePlate)) {
            misreads.incrementAndGet();
        }
        if (!reading.alternatives().isEmpty()) {
            withAlternatives.incrementAndGet();
        }
        readsSinceHeartbeat.get(cam.unitId()).incrementAndGet();
        String delivery;
        if (away.contains(cam.unitId())) {
            backlog.get(cam.unitId()).add(json);
            delivery = "BACKLOG";
        } else if (random.nextDouble() < settings.malformedRate()) {
            malformed.incrementAndGet();
            publish(cam.unitId(), topics.of(cam.unitId(), UnitTopics.Kind.READS), UnitMessages.malformed(json, random), false);
            delivery = "MALFORMED";
        } else {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            publish(cam.unitId(), topics.of(cam.unitId(), UnitTopics.Kind.READS), payload, false);
            delivery = "SENT";
            if (random.nextDouble() < settings.duplicateRate()) {
                duplicates.incrementAndGet();
                publish(cam.unitId(), topics.of(cam.unitId(), UnitTopics.Kind.READS), payload, false);
                delivery = "DUPLICATED";
            }
        }
        truths.add(new GroundTruth.Truth(readId, journey, cam, truePlate, readPlate, pass.at(), delivery));
    }

    /** The MQTT client id of a unit of this fleet. */
    public String clientIdOf(String unit) {
        return clientIdPrefix + "-" + unit.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * Units that are neither connected nor away on an outage of their own: thrown off by the
     * broker, as when another client connects with their client id. Zero in a healthy run.
     */
    public synchronized int unitsThrownOff() {
        return (int) units.entrySet().stream().filter(e -> !away.contains(e.getKey()) && !e.getValue().isConnected()).count();
    }

    private synchronized void heartbeats() {
        Instant now = Instant.now();
        for (Map.Entry<String, List<RouteCamera>> e : camerasByUnit.entrySet()) {
            if (away.contains(e.getKey())) {
                continue;
            }
            long uptime = (now.toEpochMilli() - startedAt.toEpochMilli()) / 1000 + 86_400;
            String json = UnitMessages.heartbeat(now, uptime, 20_000_000_000L + (long) e.getKey().hashCode() % 5_000_000_000L,
                    readsSinceHeartbeat.get(e.getKey()).getAndSet(0), e.getValue(), random);
            publish(e.getKey(), topics.of(e.getKey(), UnitTopics.Kind.HEALTH), json.getBytes(StandardCharsets.UTF_8), false);
        }
    }

    private synchronized void outage() {
        // a unit whose cameras all went silent would have no backlog to show
        List<String> present = units.keySet().stream().filter(u -> !away.contains(u))
                .filter(u -> camerasByUnit.get(u).stream().anyMatch(c -> !silent.contains(c.cameraId()))).toList();
        if (present.size() < 2) {
            return;
        }
        String unit = present.get(random.nextInt(present.size()));
        try {
            units.get(unit).disconnectForcibly(0, 1000, false); // the broker publishes its Last Will
        } catch (MqttException e) {
            log.println("simulator: " + e);
        }
        away.add(unit);
        outages.incrementAndGet();
        log.printf(Locale.ROOT, "simulator: unit %s dropped off the network for %d s%n", unit, settings.outageLength().toSeconds());
        scheduler.schedule(() -> comeBack(unit), settings.outageLength().toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void comeBack(String unit) {
        try {
            MqttClient c = units.get(unit);
            c.connect(options(unit));
            away.remove(unit);
            publish(unit, topics.of(unit, UnitTopics.Kind.STATUS), "online".getBytes(StandardCharsets.UTF_8), true);
            List<String> pending = backlog.get(unit);
            for (int i = 0; i < pending.size(); i += 50) {
                String batch = "[" + String.join(",", pending.subList(i, Math.min(pending.size(), i + 50))) + "]";
                publish(unit, topics.of(unit, UnitTopics.Kind.READS), batch.getBytes(StandardCharsets.UTF_8), false);
            }
            log.printf(Locale.ROOT, "simulator: unit %s is back and sent a backlog of %d reads%n", unit, pending.size());
            backlogReads.addAndGet(pending.size());
            pending.clear();
        } catch (MqttException e) {
            log.println("simulator: unit " + unit + " could not reconnect (" + e.getMessage() + "); trying again");
            scheduler.schedule(() -> comeBack(unit), 2, TimeUnit.SECONDS);
        }
    }

    private void publish(String unit, String topic, byte[] payload, boolean retained) {
        MqttClient c = units.get(unit);
        try {
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            m.setRetained(retained);
            c.publish(topic, m);
        } catch (MqttException e) {
            log.println("simulator: unit " + unit + " could not publish: " + e.getMessage());
        }
    }

    /** Outages so far. */
    public long outages() {
        return outages.get();
    }

    /** Reads sent in backlogs after outages so far. */
    public long backlogReads() {
        return backlogReads.get();
    }

    /** Units off the network now. */
    public synchronized int unitsAway() {
        return away.size();
    }

    /** Reads the cameras made so far (sent, duplicated, malformed or waiting in a backlog). */
    public long reads() {
        return reads.get();
    }

    /** One line of totals. */
    public String summary() {
        return String.format(Locale.ROOT, "reads %d (misread %d, with alternatives %d, duplicated %d, malformed %d), outages %d, "
                + "units away now %d", reads.get(), misreads.get(), withAlternatives.get(), duplicates.get(), malformed.get(),
                outages.get(), away.size());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        truths.flush();
        for (Map.Entry<String, MqttClient> e : units.entrySet()) {
            try {
                if (e.getValue().isConnected()) {
                    publish(e.getKey(), topics.of(e.getKey(), UnitTopics.Kind.STATUS), "offline".getBytes(StandardCharsets.UTF_8), true);
                    e.getValue().disconnect();
                }
                e.getValue().close();
            } catch (MqttException ex) {
                log.println("simulator: " + ex.getMessage());
            }
        }
    }
}
