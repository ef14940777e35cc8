package org.sightline.ingest.read.adapter.mqtt;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5SubscribeBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
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
 * dead-letter row is committed. At most {@code receive-maximum} messages are held decoded and
 * uncommitted, and the broker's in-flight limit bounds what the client buffers; when the database
 * is slow the window fills and the broker keeps the rest.
 *
 * <p>The client is HiveMQ's (Netty): messages are decoded and queued on its event loop while the
 * window has room, and wait in order on a receive thread while it is full (the event loop is never
 * blocked); an acknowledgement is sent only on the connection that received the message. A message received
 * before a connection loss is therefore not acknowledged after it: the broker redelivers it in the
 * resumed session (stored once by its read id). The client sends acknowledgements in the order
 * the messages arrived, so one held back (a peer's reads being re-published, at most 10 s) holds
 * back those after it. The client reconnects by itself, from the first attempt on (0.25 s
 * doubling to 5 s), and subscribes again on every connection.
 */
public final class ReadIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadIntake.class);
    private static final long FIRST_RETRY_MS = 250;
    private static final long LAST_RETRY_MS = 5_000;

    private final MqttClients clients;
    private final IngestProperties config;
    private final ReadSources sources;
    // re-publications of peer reads in flight: well under any broker's receive maximum
    private final Semaphore forwards = new Semaphore(16);
    private long lastForwardWarningNanos = Long.MIN_VALUE / 2;
    private final BlockingQueue<Delivery> queue;
    // messages taken from the client and not yet committed: at most receive-maximum
    private final Semaphore held;
    // messages handed to the receive thread to wait for room, not yet taken
    private final AtomicInteger waiting = new AtomicInteger();
    private ExecutorService receiver;
    private final BatchWriter writer;
    private final IntakeStats stats;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final String clientId;
    private volatile Mqtt5AsyncClient client;
    private volatile PeerHeartbeats peerHeartbeats;
    private Thread writerThread;

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
        this.held = new Semaphore(config.receiveMaximum());
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
        Mqtt5AsyncClient c = client;
        return c != null && c.getState().isConnected();
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Starts the writer and connects in the background (retrying until the broker answers). */
    public synchronized void start() {
        if (writerThread != null) {
            return;
        }
        writerThread = new Thread(writer, "ingest-writer-" + config.instanceId());
        writerThread.start();
        Mqtt5AsyncClient c = clients.hiveClient(clientId)
                .addConnectedListener(this::connected)
                .addDisconnectedListener(this::disconnected)
                .buildAsync();
        // messages are decoded and queued on the client's event loop while the window has room (no
        // hand-over between threads per message); when it is full they wait, in order, on a thread
        // of the intake's own, so that the event loop is never blocked (after close, what the
        // client still hands over is dropped: it stays unacknowledged)
        receiver = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ingest-receive-" + config.instanceId());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardPolicy());
        // before connecting: a resumed session delivers its unacknowledged messages at once
        c.publishes(MqttGlobalPublishFilter.ALL, this::onPublish, Runnable::run, true);
        client = c;
        // no Receive Maximum is sent: Mosquitto 2.0.11 exceeds it when it holds a backlog for the
        // session, and HiveMQ client 1.3.10 then drops the connection (receive maximum exceeded),
        // over and over as the broker redelivers; the broker's own in-flight limit
        // (max_inflight_messages, 2000 in config/mosquitto) and this intake's receive-maximum
        // (the held semaphore) bound what is in transit. See docs/mqtt.md.
        c.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(config.sessionExpiry().toSeconds())
                .keepAlive(30)
                .send();
    }

    private void connected(MqttClientConnectedContext context) {
        if (isClosing()) {
            // a reconnection scheduled before close: leave at once, the session keeps the messages
            client.disconnect();
            return;
        }
        stats.connected();
        LOG.info("Ingest {} connected to {} as {}", config.instanceId(), clients.config().url(), clientId);
        Mqtt5SubscribeBuilder.Start subscribe = Mqtt5Subscribe.builder();
        Mqtt5SubscribeBuilder.Complete complete = null;
        for (String filter : sources.subscriptions()) {
            complete = (complete == null ? subscribe : complete).addSubscription()
                    .topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).applySubscription();
        }
        Mqtt5AsyncClient c = client;
        c.subscribe(complete.build()).whenComplete((ack, e) -> {
            if (e != null) {
                LOG.warn("Ingest {} could not subscribe: {}", config.instanceId(), e.toString());
            } else if (ack.getReasonCodes().stream().anyMatch(code -> code.isError())) {
                LOG.warn("Ingest {}: the broker refused a subscription ({} for {})", config.instanceId(),
                        ack.getReasonCodes(), sources.subscriptions());
            }
        });
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        if (isClosing() || context.getSource() == MqttDisconnectSource.USER) {
            return;
        }
        stats.connectionLost();
        int attempts = context.getReconnector().getAttempts();
        long delayMs = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS << Math.min(attempts, 10));
        Throwable cause = context.getCause();
        LOG.warn("Ingest {}: no connection to the MQTT broker at {} ({}); retrying in {} ms", config.instanceId(),
                clients.config().url(), cause.getMessage() == null ? cause.toString() : cause.getMessage(), delayMs);
        // the client subscribes anew on every connection (see connected)
        context.getReconnector().reconnect(true).resubscribeIfSessionExpired(false).resubscribeIfSessionPresent(false)
                .delay(delayMs, TimeUnit.MILLISECONDS);
    }

    /** Stops taking messages, lets the batch in hand finish, and disconnects. */
    @Override
    public void close() {
        closing.countDown();
        writer.stop();
        join(writerThread);
        Mqtt5AsyncClient c = client;
        if (c != null) {
            try {
                c.disconnect().get(3, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("disconnect: {}", e.toString());
            }
        }
        stopReceiver();
    }

    private void stopReceiver() {
        ExecutorService r = receiver;
        if (r != null) {
            r.shutdownNow();
        }
    }

    /**
     * Drops the connection and stops without acknowledging anything more, as a killed process
     * would; the broker keeps the session and redelivers what was not acknowledged.
     */
    public void kill() {
        closing.countDown();
        writer.stopAcknowledging();
        Mqtt5AsyncClient c = client;
        if (c != null) {
            try {
                c.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.DISCONNECT_WITH_WILL_MESSAGE).send()
                        .get(1, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("forced disconnect: {}", e.toString());
            }
        }
        join(writerThread);
        stopReceiver();
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

    /**
     * The acknowledgement of a peer's message: its stored reads are first re-published in the
     * native format (see {@link BridgedReads}) and the message is acknowledged when the broker has
     * them, so that a crash in between leads to a redelivery, not to reads alerting never sees.
     */
    private Consumer<Delivery> forwardThenAck(Consumer<Delivery> ack) {
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
                client.publishWith().topic(BridgedReads.topic(config.topicRoot(), good.get(0).unitId()))
                        .qos(MqttQos.AT_LEAST_ONCE).payload(BridgedReads.payload(good)).send()
                        .whenComplete((result, e) -> {
                            forwards.release();
                            if (e != null) {
                                forwardFailed(d, e.toString(), ack);
                            } else if (result.getError().isPresent()) {
                                forwardFailed(d, result.getError().get().toString(), ack);
                            } else {
                                ack.accept(d);
                            }
                        });
            } catch (RuntimeException e) {
                forwards.release();
                forwardFailed(d, e.toString(), ack);
            }
        };
    }

    // the reads are stored: the message is acknowledged all the same (left unacknowledged it would
    // hold a slot of the broker's window until the next reconnect); on a dropped connection the
    // client drops the acknowledgement and the broker redelivers the message
    private void forwardFailed(Delivery d, String why, Consumer<Delivery> ack) {
        long now = System.nanoTime();
        if (now - lastForwardWarningNanos > TimeUnit.SECONDS.toNanos(10)) {
            lastForwardWarningNanos = now;
            LOG.warn("Ingest {} stored reads from {} but could not re-publish them for alerting: {}", config.instanceId(),
                    d.topic(), why);
        }
        ack.accept(d);
    }

    /** On the client's event loop: take the message at once while the window has room, else queue it to wait. */
    private void onPublish(Mqtt5Publish message) {
        if (isClosing()) {
            return; // not acknowledged: the broker redelivers it
        }
        // messages already waiting go first: a later one is taken here only once none waits
        if (waiting.get() == 0 && held.tryAcquire()) {
            take(message);
            return;
        }
        waiting.incrementAndGet();
        receiver.execute(() -> {
            try {
                arrived(message);
            } finally {
                waiting.decrementAndGet();
            }
        });
    }

    /** On the receive thread: wait for room in the window, then take the message. */
    private void arrived(Mqtt5Publish message) {
        try {
            // a full window: wait for the writer (the client buffers, the broker holds the rest)
            while (!held.tryAcquire(100, TimeUnit.MILLISECONDS)) {
                if (isClosing()) {
                    return; // not acknowledged: the broker redelivers it
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        take(message);
    }

    /** Decode, check, queue, holding a slot of the window. Nothing throws out of it. */
    private void take(Mqtt5Publish message) {
        Instant now = Instant.now();
        long nanos = System.nanoTime();
        String topic = message.getTopic().toString();
        byte[] payload = message.getPayloadAsBytes();
        ReadSources.Decoded decoded;
        try {
            decoded = sources.decode(topic, payload, now);
        } catch (RuntimeException e) {
            decoded = new ReadSources.Decoded(List.of(new CheckedRead.Bad("could not decode: " + e, payload)), false);
        }
        // the client sends the acknowledgement only on the connection that received the message
        Consumer<Delivery> ack = d -> message.acknowledge();
        Consumer<Delivery> done = decoded.fromPeer() ? forwardThenAck(ack) : ack;
        Consumer<Delivery> release = d -> {
            held.release(); // committed: the slot is free even while a peer's reads are re-published
            done.accept(d);
        };
        PeerHeartbeats heartbeats = peerHeartbeats;
        if (decoded.peerHeartbeat() && heartbeats != null && heartbeats.offer(topic, payload, now, () -> release.accept(null))) {
            return;
        }
        Delivery d = new Delivery(topic, payload, now, nanos, decoded.reads(), release);
        stats.received();
        try {
            queue.put(d); // never waits: queue-capacity is at least receive-maximum
        } catch (InterruptedException e) {
            // shutting down: the message stays unacknowledged and the broker redelivers it
            Thread.currentThread().interrupt();
        }
    }
}
