package org.sightline.ingest.unitstatus.adapter.mqtt;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.deadletter.adapter.db.DeadLetterStore;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.peer.domain.FrigateSource;
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
    private final HealthPayloadDecoder decoder;
    private final SilentCameraDetector silentCameras;
    private final Peers peers;
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
     * A unit status intake that also follows the configured Frigate instances' availability
     * ({@code <prefix>/available}: {@code online}, and {@code offline} as Frigate's Last Will) as
     * the presence of the units standing for them.
     */
    public UnitStatusIntake(MqttClients clients, IngestProperties config, Peers peers, DataSource dataSource,
                            EquipmentRegistry equipment) {
        this.peers = peers;
        this.clients = clients;
        this.config = config;
        this.topics = new UnitTopics(config.topicRoot());
        this.store = new UnitStatusStore(dataSource);
        this.deadLetters = new DeadLetterStore(dataSource);
        this.equipment = equipment;
        this.decoder = new HealthPayloadDecoder(config.maxPayloadBytes());
        this.silentCameras = new SilentCameraDetector(dataSource, SilentCameraRule.standard());
    }

    /** Registers a listener told about every status change this instance records. */
    public void addListener(Consumer<UnitStatusStore.Change> listener) {
        listeners.add(listener);
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
                c.setCallback(new Callback());
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

    private void subscribe(MqttAsyncClient c) throws MqttException {
        String health = config.sharedSubscription() ? topics.shared(config.shareGroup(), UnitTopics.Kind.HEALTH)
                : topics.filter(UnitTopics.Kind.HEALTH);
        List<MqttSubscription> subscriptions = new ArrayList<>(List.of(new MqttSubscription(health, 1),
                new MqttSubscription(topics.filter(UnitTopics.Kind.STATUS), 1)));
        // retained presence, like the units' status topic: every instance takes it
        peers.frigate().forEach(f -> subscriptions.add(new MqttSubscription(f.availabilityTopic(), 1)));
        c.subscribe(subscriptions.toArray(MqttSubscription[]::new), null, null, new MqttProperties());
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
        Optional<UnitTopics.Parsed> parsed = topics.parse(in.topic());
        Optional<FrigateSource> frigate = peers.frigate().stream().filter(f -> f.availabilityTopic().equals(in.topic())).findFirst();
        if (frigate.isPresent()) {
            parsed = Optional.of(new UnitTopics.Parsed(frigate.get().unit(), UnitTopics.Kind.STATUS));
        }
        if (parsed.isEmpty()) {
            deadLetters.add(in.topic(), in.payload(), "not a unit topic of a valid unit id", in.receivedAt());
            return;
        }
        UnitId unit = parsed.get().unitId();
        Optional<String> unknown = equipment.unitProblem(unit);
        if (unknown.isPresent()) {
            deadLetters.add(in.topic(), in.payload(), unknown.get(), in.receivedAt());
            return;
        }
        List<UnitStatusStore.Change> changes;
        if (parsed.get().kind() == UnitTopics.Kind.HEALTH) {
            Checked<UnitHealth> health = decoder.decode(unit, in.payload());
            if (health instanceof Checked.Rejected<UnitHealth> r) {
                deadLetters.add(in.topic(), in.payload(), r.reason(), in.receivedAt());
                return;
            }
            changes = store.apply(unit.value(), s -> s.heartbeat(in.receivedAt()),
                    Optional.of(((Checked.Ok<UnitHealth>) health).value()), config.heartbeatInterval());
        } else {
            String text = new String(in.payload(), StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT);
            if (!text.equals("online") && !text.equals("offline")) {
                if (!text.isEmpty()) { // an empty retained message only clears the topic
                    deadLetters.add(in.topic(), in.payload(), "status must be 'online' or 'offline'", in.receivedAt());
                }
                return;
            }
            changes = store.apply(unit.value(), s -> s.presence(text.equals("online"), in.receivedAt()), Optional.empty(),
                    config.heartbeatInterval());
        }
        announce(changes);
    }

    private void tick(Instant now) throws SQLException {
        Instant threshold = now.minusMillis(config.heartbeatInterval().toMillis() * 3 / 2);
        for (String unit : store.silentUnits(threshold)) {
            announce(store.apply(unit, s -> s.tick(now, config.heartbeatInterval()), Optional.empty(), config.heartbeatInterval()));
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
                    MqttMessage m = new MqttMessage(eventJson(ch).getBytes(StandardCharsets.UTF_8));
                    m.setQos(1);
                    c.publish(topics.unitEvents(), m);
                } catch (MqttException e) {
                    LOG.debug("status event not published: {}", e.toString());
                }
            }
        }
    }

    /** A status change as the JSON published on {@code <root>/events/units}. */
    public static String eventJson(UnitStatusStore.Change ch) {
        return "{\"unitId\":" + quote(ch.unitId()) + ",\"cameraId\":" + ch.cameraId().map(UnitStatusIntake::quote).orElse("null")
                + ",\"from\":" + quote(ch.from()) + ",\"to\":" + quote(ch.to()) + ",\"at\":" + quote(ch.at().toString())
                + ",\"reason\":" + quote(ch.reason()) + "}";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
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

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            MqttAsyncClient c = client;
            long myEpoch = epoch.get();
            int id = message.getId();
            int qos = message.getQos();
            Runnable ack = qos == 0 ? () -> { } : () -> {
                if (epoch.get() == myEpoch) {
                    try {
                        c.messageArrivedComplete(id, qos);
                    } catch (MqttException | RuntimeException e) {
                        LOG.debug("ack not sent: {}", e.toString());
                    }
                }
            };
            try {
                queue.put(new Inbound(topic, message.getPayload(), Instant.now(), ack));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            epoch.incrementAndGet();
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.debug("status MQTT error: {}", exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                try {
                    subscribe(client);
                } catch (MqttException | RuntimeException e) {
                    LOG.warn("Unit status could not renew its subscriptions: {}", e.toString());
                }
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
