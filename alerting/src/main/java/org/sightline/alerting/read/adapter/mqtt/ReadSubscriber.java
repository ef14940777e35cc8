package org.sightline.alerting.read.adapter.mqtt;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.AlertEngine;
import org.sightline.alerting.read.domain.IncomingRead;
import org.sightline.platform.mqtt.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alerting's own subscription to the units' reads: {@code $share/<group>/<root>/units/+/reads}
 * on a persistent session (clean start off, session expiry), so that alerting never waits for
 * ingest's database writes, and reads published while alerting is down are delivered when it
 * returns. Messages are acknowledged only after their alerts are committed (manual acks); the
 * Paho callback only decodes and queues.
 */
@Context
@Requires(property = "sightline.alerting.listen", value = "true", defaultValue = "true")
public class ReadSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(ReadSubscriber.class);

    private record Work(int messageId, int qos, List<IncomingRead> reads) {
    }

    private final MqttClients clients;
    private final AlertingProperties config;
    private final AlertEngine engine;
    private final ReadDecoder decoder;
    private final BlockingQueue<Work> queue = new ArrayBlockingQueue<>(1000);
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean running;
    private MqttClient client;
    private Thread worker;

    public ReadSubscriber(MqttClients clients, AlertingProperties config, AlertEngine engine, JsonMapper json) {
        this.clients = clients;
        this.config = config;
        this.engine = engine;
        this.decoder = new ReadDecoder(json);
    }

    /** The shared-subscription filter alerting uses. */
    public String topicFilter() {
        return "$share/" + config.shareGroup() + "/" + config.topicRoot() + "/units/+/reads";
    }

    /** Reads ingest took in from Frigate or OpenALPR, re-published in the native format (docs/mqtt.md, Peers). */
    public String bridgedFilter() {
        return "$share/" + config.shareGroup() + "/" + config.topicRoot() + "/bridged/+/reads";
    }

    /** Reads processed so far (messages). */
    public long processed() {
        return processed.get();
    }

    @PostConstruct
    void start() throws MqttException {
        running = true;
        worker = new Thread(this::work, "alerting-reads");
        worker.setDaemon(true);
        worker.start();
        client = clients.newClient(clients.config().clientIdPrefix() + "-alerting-" + config.instanceId());
        client.setManualAcks(true);
        client.setCallback(new Callback());
        var options = clients.options(false, config.sessionExpiry().toSeconds());
        options.setReceiveMaximum(500);
        try {
            client.connect(options);
            subscribe();
        } catch (MqttException e) {
            // Paho's automatic reconnect covers a connection that was lost, not a first connect
            // that failed (the broker starting after the service, as the demo's embedded one
            // does): keep trying on a thread of its own
            LOG.warn("alerting cannot reach the MQTT broker at {} yet ({}); retrying", clients.config().url(), e.getMessage());
            Thread connect = new Thread(() -> connectUntilDone(options), "alerting-connect");
            connect.setDaemon(true);
            connect.start();
        }
    }

    private void connectUntilDone(MqttConnectionOptions options) {
        long backoffMillis = 250;
        while (running) {
            try {
                Thread.sleep(backoffMillis);
                if (!client.isConnected()) {
                    client.connect(options);
                }
                subscribe();
                return;
            } catch (InterruptedException e) {
                return;
            } catch (MqttException | RuntimeException e) {
                backoffMillis = Math.min(5_000, backoffMillis * 2);
                LOG.debug("alerting still cannot reach the MQTT broker: {}", e.getMessage());
            }
        }
    }

    private void subscribe() throws MqttException {
        client.subscribe(new MqttSubscription[] {new MqttSubscription(topicFilter(), 1), new MqttSubscription(bridgedFilter(), 1)},
                null);
        LOG.info("alerting subscribed to {} and {}", topicFilter(), bridgedFilter());
    }

    @PreDestroy
    void stop() {
        running = false;
        worker.interrupt();
        // unacknowledged work stays with the broker's session and comes back on the next start
        queue.clear();
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing the alerting MQTT client: {}", e.getMessage());
        }
    }

    private void work() {
        List<Work> batch = new java.util.ArrayList<>();
        while (running) {
            Work first;
            try {
                first = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            // everything already waiting goes into the same transaction: one commit for many
            // messages keeps up with a busy stream when the database is slow
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, 499);
            List<IncomingRead> reads = new java.util.ArrayList<>();
            batch.forEach(w -> reads.addAll(w.reads()));
            long backoffMillis = 200;
            while (running) {
                try {
                    if (!reads.isEmpty()) {
                        engine.process(reads, false);
                    }
                    for (Work w : batch) {
                        client.messageArrivedComplete(w.messageId(), w.qos());
                    }
                    processed.addAndGet(batch.size());
                    break;
                } catch (Exception e) {
                    // not acknowledged: the broker keeps the messages; retry until the database is back
                    LOG.warn("alerting could not process {} read message(s) ({}); retrying in {} ms", batch.size(),
                            e.toString(), backoffMillis);
                    try {
                        Thread.sleep(backoffMillis);
                    } catch (InterruptedException ie) {
                        return;
                    }
                    backoffMillis = Math.min(10_000, backoffMillis * 2);
                }
            }
        }
    }

    private final class Callback implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                String[] parts = topic.split("/");
                String unitId = parts.length >= 2 ? parts[parts.length - 2] : "unknown";
                ReadDecoder.Decoded decoded = decoder.decode(unitId, message.getPayload());
                if (!decoded.problems().isEmpty()) {
                    refused.addAndGet(decoded.problems().size());
                    LOG.debug("alerting skipped {} bad read(s) from {}: {}", decoded.problems().size(), unitId,
                            decoded.problems().get(0));
                }
                queue.put(new Work(message.getId(), message.getQos(), decoded.reads()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warn("alerting could not queue a read message: {}", e.toString());
            }
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            if (reconnect) {
                try {
                    subscribe();
                } catch (MqttException e) {
                    LOG.warn("alerting could not resubscribe: {}", e.getMessage());
                }
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            LOG.warn("alerting lost the MQTT broker: {}", response.getReasonString());
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("alerting MQTT error: {}", exception.getMessage());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
