package org.sightline.ingest.read.adapter.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.sightline.ingest.intake.BatchWriter;
import org.sightline.ingest.intake.Delivery;
import org.sightline.ingest.intake.IntakeStats;
import org.sightline.ingest.intake.PeerHeartbeats;
import org.sightline.ingest.intake.ReadSources;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.platform.mqtt.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One intake instance: an MQTT 5 persistent session (clean start off, session expiry set) on the
 * shared subscription {@code $share/<group>/<root>/units/+/reads} (and the configured peers'
 * topics, see {@link ReadSources}) at QoS 1 with manual
 * acknowledgement, and a {@link BatchWriter} that acknowledges each message after its row or its
 * dead-letter row is committed. The broker's in-flight window (receive maximum) and the bounded
 * queue cap the memory used; when the database is slow the callback blocks and the broker keeps
 * the rest.
 *
 * <p>A message received before a connection loss is not acknowledged after it: the broker
 * redelivers it in the resumed session (stored once by its read id), and an acknowledgement with
 * an old packet id could otherwise release a different, not yet committed message.
 */
public final class ReadIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadIntake.class);

    private final MqttClients clients;
    private final IngestProperties config;
    private final ReadSources sources;
    // re-publications of peer reads in flight: well under any broker's receive maximum
    private final Semaphore forwards = new Semaphore(16);
    private long lastForwardWarningNanos = Long.MIN_VALUE / 2;
    private final BlockingQueue<Delivery> queue;
    private final BatchWriter writer;
    private final IntakeStats stats;
    private final AtomicLong epoch = new AtomicLong();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String clientId;
    private volatile MqttAsyncClient client;
    private volatile PeerHeartbeats peerHeartbeats;
    private Thread writerThread;
    private Thread connectThread;

    public ReadIntake(MqttClients clients, IngestProperties config, DataSource dataSource, EquipmentRegistry equipment) {
        this(clients, config, dataSource, equipment, new IntakeStats());
    }

    /** An intake reporting into the given totals (the benchmark reads latencies from them). */
    public ReadIntake(MqttClients clients, IngestProperties config, DataSource dataSource, EquipmentRegistry equipment,
                      IntakeStats stats) {
        this(clients, config, Peers.NONE, dataSource, equipment, stats);
    }

    /** An intake that also takes the reads of these peer systems (Frigate, OpenALPR). */
    public ReadIntake(MqttClients clients, IngestProperties config, Peers peers, DataSource dataSource,
                      EquipmentRegistry equipment, IntakeStats stats) {
        this.stats = stats;
        this.clients = clients;
        this.config = config;
        this.sources = new ReadSources(config, peers);
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.writer = new BatchWriter(queue, dataSource, equipment, config.batchSize(), config.batchLatency(), stats);
        this.clientId = clients.config().clientIdPrefix() + "-ingest-" + config.instanceId();
    }

    /** Totals of this instance. */
    public IntakeStats stats() {
        return stats;
    }

    /** The MQTT client id; the broker keeps this instance's session under it. */
    public String clientId() {
        return clientId;
    }

    /**
     * Hands the peers' heartbeats that arrive on reads topics to the unit status from now on
     * (without it they are acknowledged and left, like any message without reads).
     */
    public void handPeerHeartbeatsTo(PeerHeartbeats heartbeats) {
        this.peerHeartbeats = heartbeats;
    }

    /** True while connected to the broker. */
    public boolean isConnected() {
        MqttAsyncClient c = client;
        return c != null && c.isConnected();
    }

    /** Starts the writer and connects in the background (retrying until the broker answers). */
    public synchronized void start() {
        if (writerThread != null) {
            return;
        }
        writerThread = new Thread(writer, "ingest-writer-" + config.instanceId());
        writerThread.start();
        connectThread = new Thread(this::connectUntilDone, "ingest-connect-" + config.instanceId());
        connectThread.setDaemon(true);
        connectThread.start();
    }

    private void connectUntilDone() {
        long backoffMs = 500;
        while (closing.getCount() > 0) {
            try {
                MqttAsyncClient c = clients.newAsyncClient(clientId);
                c.setManualAcks(true);
                c.setCallback(new Callback());
                client = c;
                MqttConnectionOptions options = clients.options(false, config.sessionExpiry().toSeconds());
                options.setReceiveMaximum(config.receiveMaximum());
                options.setAutomaticReconnectDelay(1, 5);
                c.connect(options).waitForCompletion(clients.config().connectTimeout().toMillis() + 1000);
                subscribe(c);
                LOG.info("Ingest {} connected to {} as {}", config.instanceId(), clients.config().url(), clientId);
                return;
            } catch (MqttException | RuntimeException e) {
                LOG.warn("Ingest {} cannot connect to the MQTT broker at {} ({}); retrying", config.instanceId(),
                        clients.config().url(), e.getMessage());
                closeClientQuietly();
                try {
                    if (closing.await(backoffMs, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMs = Math.min(5_000, backoffMs * 2);
            }
        }
    }

    private void subscribe(MqttAsyncClient c) throws MqttException {
        MqttSubscription[] subscriptions = sources.subscriptions().stream().map(f -> new MqttSubscription(f, 1))
                .toArray(MqttSubscription[]::new);
        c.subscribe(subscriptions, null, null, new MqttProperties());
    }

    /** Stops taking messages, lets the batch in hand finish, and disconnects. */
    @Override
    public void close() {
        closing.countDown();
        writer.stop();
        join(writerThread);
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2_000).waitForCompletion(3_000);
                }
            } catch (MqttException e) {
                LOG.debug("disconnect: {}", e.toString());
            }
            closeClientQuietly();
        }
    }

    /**
     * Drops the connection abruptly and stops without acknowledging anything more, as a killed
     * process would; the broker keeps the session and redelivers what was not acknowledged.
     */
    public void kill() {
        closing.countDown();
        writer.stopAcknowledging();
        MqttAsyncClient c = client;
        if (c != null) {
            try {
                c.disconnectForcibly(0, 1000, false);
            } catch (MqttException e) {
                LOG.debug("forced disconnect: {}", e.toString());
            }
            closeClientQuietly();
        }
        join(writerThread);
    }

    private void closeClientQuietly() {
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.close(true);
        } catch (MqttException e) {
            LOG.debug("close: {}", e.toString());
        }
    }

    private static void join(Thread t) {
        if (t == null) {
            return;
        }
        try {
            t.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Consumer<Delivery> ack(MqttAsyncClient c, long messageEpoch, int id, int qos) {
        if (qos == 0) {
            return d -> { };
        }
        return d -> {
            if (epoch.get() != messageEpoch || !c.isConnected()) {
                return; // received on an earlier connection, or the connection is down: the broker redelivers it
            }
            try {
                c.messageArrivedComplete(id, qos);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("acknowledgement of {} not sent: {}", id, e.toString());
            }
        };
    }

    /**
     * The acknowledgement of a peer's message: its stored reads are first re-published in the
     * native format (see {@link BridgedReads}) and the message is acknowledged when the broker has
     * them, so that a crash in between leads to a redelivery, not to reads alerting never sees.
     */
    private Consumer<Delivery> forwardThenAck(MqttAsyncClient c, Consumer<Delivery> ack) {
        return d -> {
            List<PlateRead> good = new ArrayList<>();
            for (CheckedRead r : d.reads()) {
                if (r instanceof CheckedRead.Good g) {
                    good.add(g.read());
                }
            }
            if (good.isEmpty()) {
                ack.accept(d);
                return;
            }
            MqttMessage copy = new MqttMessage(BridgedReads.payload(good));
            copy.setQos(1);
            try {
                if (!forwards.tryAcquire(10, TimeUnit.SECONDS)) {
                    forwardFailed(d, "the broker did not confirm earlier re-publications for 10 s", ack);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return; // stopping: not acknowledged, the broker redelivers it
            }
            try {
                c.publish(BridgedReads.topic(config.topicRoot(), good.get(0).unitId()), copy, null, new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        forwards.release();
                        ack.accept(d);
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        forwards.release();
                        forwardFailed(d, String.valueOf(e), ack);
                    }
                });
            } catch (MqttException | RuntimeException e) {
                forwards.release();
                forwardFailed(d, e.toString(), ack);
            }
        };
    }

    // the reads are stored: on a live connection the message is acknowledged all the same (left
    // unacknowledged it would hold a slot of the broker's window until the next reconnect); on a
    // dropped one the ack is dropped too and the broker redelivers the message
    private void forwardFailed(Delivery d, String why, Consumer<Delivery> ack) {
        long now = System.nanoTime();
        if (now - lastForwardWarningNanos > TimeUnit.SECONDS.toNanos(10)) {
            lastForwardWarningNanos = now;
            LOG.warn("Ingest {} stored reads from {} but could not re-publish them for alerting: {}", config.instanceId(),
                    d.topic(), why);
        }
        ack.accept(d);
    }

    /** Thin Paho callback: decode, check, queue. Nothing throws out of it. */
    private final class Callback implements MqttCallback {

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            Instant now = Instant.now();
            long nanos = System.nanoTime();
            byte[] payload = message.getPayload();
            ReadSources.Decoded decoded;
            try {
                decoded = sources.decode(topic, payload, now);
            } catch (RuntimeException e) {
                decoded = new ReadSources.Decoded(List.of(new CheckedRead.Bad("could not decode: " + e, payload)), false);
            }
            MqttAsyncClient c = client;
            Consumer<Delivery> ack = ack(c, epoch.get(), message.getId(), message.getQos());
            PeerHeartbeats heartbeats = peerHeartbeats;
            if (decoded.peerHeartbeat() && heartbeats != null && heartbeats.offer(topic, payload, now, () -> ack.accept(null))) {
                return;
            }
            Delivery d = new Delivery(topic, payload, now, nanos, decoded.reads(), decoded.fromPeer() ? forwardThenAck(c, ack) : ack);
            stats.received();
            try {
                queue.put(d);
            } catch (InterruptedException e) {
                // shutting down: the message stays unacknowledged and the broker redelivers it
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            epoch.incrementAndGet();
            LOG.warn("Ingest {} lost the MQTT connection ({}); reconnecting", config.instanceId(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("Ingest {} MQTT error: {}", config.instanceId(), exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
            // the intake publishes nothing
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                LOG.info("Ingest {} reconnected to {}", config.instanceId(), serverURI);
                try {
                    subscribe(client);
                } catch (MqttException | RuntimeException e) {
                    LOG.warn("Ingest {} could not renew its subscription: {}", config.instanceId(), e.toString());
                }
            }
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
            // no enhanced authentication
        }
    }
}
