package org.sightline.ingest.unitstatus.adapter.mqtt;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unit status intake's Paho callback, kept thin: it queues each message with its
 * acknowledgement and nothing throws out of it. An acknowledgement is dropped when the connection
 * it came on is gone (the broker redelivers the message on the resumed session).
 */
final class StatusCallback implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCallback.class);

    /** Where messages go; may block (backpressure). */
    @FunctionalInterface
    interface Sink {
        void put(String topic, byte[] payload, Instant receivedAt, Runnable ack) throws InterruptedException;
    }

    private final Supplier<MqttAsyncClient> client;
    private final AtomicLong epoch;
    private final Sink sink;
    private final Runnable resubscribe;

    StatusCallback(Supplier<MqttAsyncClient> client, AtomicLong epoch, Sink sink, Runnable resubscribe) {
        this.client = client;
        this.epoch = epoch;
        this.sink = sink;
        this.resubscribe = resubscribe;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        MqttAsyncClient c = client.get();
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
            sink.put(topic, message.getPayload(), Instant.now(), ack);
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
        // the events it publishes need no confirmation
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        if (reconnect) {
            resubscribe.run();
        }
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
