package org.sightline.ingest.unitstatus.adapter.mqtt;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.deadletter.adapter.db.DeadLetterStore;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.unitstatus.adapter.db.SilentCameraDetector;
import org.sightline.ingest.unitstatus.adapter.db.UnitStatusStore;
import org.sightline.ingest.unitstatus.domain.SilentCameraRule;
import org.sightline.ingest.unitstatus.domain.UnitHealth;
import org.sightline.platform.mqtt.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in unit heartbeats ({@code …/health}, shared subscription) and presence ({@code …/status},
 * retained, plain subscription) with manual acknowledgement after the status is committed, ages
 * silent units (ONLINE → STALE → OFFLINE) once a second, and announces every change on
 * {@code <root>/events/units} and to local listeners (the engineer page's event stream).
 */
public final class UnitStatusIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(UnitStatusIntake.class);

    private record Inbound(String topic, byte[] payload, Instant receivedAt, Runnable ack) {
    }

    private final MqttClients clients;
    private final IngestProperties config;
    private final UnitTopics topics;
    private final UnitStatusStore store;
    private final DeadLetterStore deadLetters;
    private final EquipmentRegistry equipment;
    private final StatusSources sources;
    private final SilentCameraDetector silentCameras;
    private final BlockingQueue<Inbound> queue = new ArrayBlockingQueue<>(1000);
    private final List<Consumer<UnitStatusStore.Change>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean running = true;
    private volatile MqttAsyncClient client;
    private Thread worker;

    public UnitStatusIntake(MqttClients clients, IngestProperties config, DataSource dataSource, EquipmentRegistry equipment) {
        this(clients, config, Peers.NONE, dataSource, equipment);
    }

    /**
     * A unit status intake that also follows the configured peers: a Frigate's availability
     * ({@code <prefix>/available}: {@code online}, and {@code offline} as Frigate's Last Will) as
     * the presence and its stats ({@code <prefix>/stats}) as the heartbeats of the unit standing
     * for it, and OpenALPR agents' heartbeats handed over by the read intake
     * ({@link #offerPeerHeartbeat}).
     */
    public UnitStatusIntake(MqttClients clients, IngestProperties config, Peers peers, DataSource dataSource,
                            EquipmentRegistry equipment) {
        this.clients = clients;
        this.config = config;
        this.topics = new UnitTopics(config.topicRoot());
        this.store = new UnitStatusStore(dataSource);
        this.deadLetters = new DeadLetterStore(dataSource);
        this.equipment = equipment;
        this.sources = new StatusSources(config, peers);
        this.silentCameras = new SilentCameraDetector(dataSource, SilentCameraRule.standard());
    }

    /** Registers a listener told about every status change this instance records. */
    public void addListener(Consumer<UnitStatusStore.Change> listener) {
        listeners.add(listener);
    }

    /**
     * Takes a peer's heartbeat that arrived on another intake's subscription (the OpenALPR agent
     * sends its heartbeats on its results topic). Heartbeats are not worth holding up reads for:
     * when the queue is full it refuses at once and the caller acknowledges the message unrecorded.
     *
     * @param ack called once the heartbeat is recorded (or dead-lettered)
     * @return true when taken
     */
    public boolean offerPeerHeartbeat(String topic, byte[] payload, Instant receivedAt, Runnable ack) {
        return running && queue.offer(new Inbound(topic, payload, receivedAt, ack));
    }

    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** Starts the worker (which connects, retrying, then processes messages and ages silent units). */
    public synchronized void start() {
        worker = new Thread(this::work, "ingest-unit-status-" + config.instanceId());
        worker.start();
    }

    private void work() {
        long nextTick = 0;
        long nextSilenceCheck = System.currentTimeMillis() + 60_000;
        boolean connected = false;
        while (running) {
            try {
                if (!connected) {
                    // after the first connection Paho reconnects by itself
                    connected = connectOnce();
                    if (!connected) {
                        waitQuietly(1_000);
                        continue;
                    }
                }
                Inbound in = queue.poll(250, TimeUnit.MILLISECONDS);
                if (in != null) {
                    handle(in);
                }
                if (System.currentTimeMillis() >= nextTick) {
                    tick(Instant.now());
                    nextTick = System.currentTimeMillis() + 1_000;
                }
                if (System.currentTimeMillis() >= nextSilenceCheck) {
                    nextSilenceCheck = System.currentTimeMillis() + 300_000;
                    announce(silentCameras.check(Instant.now()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Unit status: {} (retrying)", e.toString());
                waitQuietly(1_000);
            }
        }
    }

    private boolean connectOnce() {
        try {
            if (client == null) {
                MqttAsyncClient c = clients.newAsyncClient(clients.config().clientIdPrefix() + "-status-" + config.instanceId());
                c.setManualAcks(true);
                c.setCallback(new StatusCallback(() -> client, epoch,
                        (topic, payload, at, ack) -> queue.put(new Inbound(topic, payload, at, ack)), this::resubscribe));
                client = c;
            }
            MqttConnectionOptions options = clients.options(false, config.sessionExpiry().toSeconds());
            options.setReceiveMaximum(500);
            options.setAutomaticReconnectDelay(1, 5);
            client.connect(options).waitForCompletion(clients.config().connectTimeout().toMillis() + 1000);
            subscribe(client);
            return true;
        } catch (MqttException | RuntimeException e) {
            LOG.warn("Unit status cannot connect to {}: {}", clients.config().url(), e.getMessage());
            return false;
        }
    }

    private void resubscribe() {
        try {
            subscribe(client);
        } catch (MqttException | RuntimeException e) {
            LOG.warn("Unit status could not renew its subscriptions: {}", e.toString());
        }
    }

    private void subscribe(MqttAsyncClient c) throws MqttException {
        c.subscribe(sources.subscriptions().toArray(MqttSubscription[]::new), null, null, new MqttProperties());
    }

    /** Processes one message; an exception leaves it unacknowledged and is retried by the caller. */
    private void handle(Inbound in) throws SQLException {
        while (running) {
            try {
                process(in);
                in.ack().run();
                return;
            } catch (SQLException e) {
                LOG.warn("Unit status cannot write ({}); retrying, the message stays unacknowledged", e.toString());
                waitQuietly(1_000);
            }
        }
    }

    private void process(Inbound in) throws SQLException {
        StatusSources.Message message = sources.classify(in.topic(), in.payload(), in.receivedAt());
        if (message instanceof StatusSources.Refused refused) {
            deadLetters.add(in.topic(), in.payload(), refused.reason(), in.receivedAt());
            return;
        }
        if (message instanceof StatusSources.Heartbeat hb) {
            // a unit named in the topic is checked before the body, as a read's is; a peer's unit
            // is known only once its heartbeat is decoded
            Optional<String> problem = hb.unit().isPresent() ? equipment.unitProblem(hb.unit().get()) : Optional.empty();
            if (problem.isEmpty() && hb.health() instanceof Checked.Rejected<UnitHealth> r) {
                problem = Optional.of(r.reason());
            }
            if (problem.isEmpty() && hb.unit().isEmpty()) {
                problem = equipment.unitProblem(((Checked.Ok<UnitHealth>) hb.health()).value().unitId());
            }
            if (problem.isPresent()) {
                deadLetters.add(in.topic(), in.payload(), problem.get(), in.receivedAt());
                return;
            }
            UnitHealth health = ((Checked.Ok<UnitHealth>) hb.health()).value();
            String unit = health.unitId().value();
            announce(store.apply(unit, s -> s.heartbeat(in.receivedAt()), Optional.of(health), sources.intervalOf(unit)));
            return;
        }
        UnitId unit = ((StatusSources.Presence) message).unit();
        Optional<String> unknown = equipment.unitProblem(unit);
        if (unknown.isPresent()) {
            deadLetters.add(in.topic(), in.payload(), unknown.get(), in.receivedAt());
            return;
        }
        String text = new String(in.payload(), StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
        if (!text.equals("online") && !text.equals("offline")) {
            if (!text.isEmpty()) { // an empty retained message only clears the topic
                deadLetters.add(in.topic(), in.payload(), "status must be 'online' or 'offline'", in.receivedAt());
            }
            return;
        }
        announce(store.apply(unit.value(), s -> s.presence(text.equals("online"), in.receivedAt()), Optional.empty(),
                sources.intervalOf(unit.value())));
    }

    private void tick(Instant now) throws SQLException {
        Duration shortest = sources.shortestInterval();
        for (UnitStatusStore.Silent silent : store.silentUnits(now.minusMillis(shortest.toMillis() * 3 / 2))) {
            Duration interval = sources.intervalOf(silent.unitId());
            // each unit by its own interval: a peer's may be longer than the units'
            if (silent.lastHeartbeatAt().isBefore(now.minusMillis(interval.toMillis() * 3 / 2))) {
                announce(store.apply(silent.unitId(), s -> s.tick(now, interval), Optional.empty(), interval));
            }
        }
    }

    private void announce(List<UnitStatusStore.Change> changes) {
        for (UnitStatusStore.Change ch : changes) {
            for (Consumer<UnitStatusStore.Change> l : listeners) {
                try {
                    l.accept(ch);
                } catch (RuntimeException e) {
                    LOG.debug("status listener failed: {}", e.toString());
                }
            }
            MqttAsyncClient c = client;
            if (c != null && c.isConnected()) {
                try {
                    MqttMessage m = new MqttMessage(UnitStatusEvents.json(ch).getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    c.publish(topics.unitEvents(), m);
                } catch (MqttException e) {
                    LOG.debug("status event not published: {}", e.toString());
                }
            }
        }
    }

    private void waitQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(1_000).waitForCompletion(2_000);
                }
                c.close(true);
            } catch (MqttException e) {
                LOG.debug("close: {}", e.toString());
            }
        }
    }
}
