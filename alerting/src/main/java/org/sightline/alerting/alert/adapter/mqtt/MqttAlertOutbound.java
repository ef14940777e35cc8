package org.sightline.alerting.alert.adapter.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.AlertOutbound;
import org.sightline.alerting.alert.domain.AlertView;
import org.sightline.platform.mqtt.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes alert events for other control-room systems on {@code <root>/alerts/<priority>}
 * (QoS 1); the returned future completes on the broker's PUBACK. Covert alerts are never published.
 */
@Singleton
@Requires(property = "sightline.alerting.listen", value = "true", defaultValue = "true")
public class MqttAlertOutbound implements AlertOutbound {

    private static final Logger LOG = LoggerFactory.getLogger(MqttAlertOutbound.class);

    private final MqttClients clients;
    private final AlertingProperties config;
    private final JsonMapper json;
    private MqttAsyncClient client;

    public MqttAlertOutbound(MqttClients clients, AlertingProperties config, JsonMapper json) {
        this.clients = clients;
        this.config = config;
        this.json = json;
    }

    @Override
    public synchronized CompletableFuture<Void> send(AlertView a, long eventId, String kind) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        if (a.covert()) {
            acked.complete(null);
            return acked;
        }
        try {
            MqttMessage m = new MqttMessage(json.writeValueAsBytes(body(a, eventId, kind)));
            m.setQos(1);
            publish(connected(), config.topicRoot() + "/alerts/" + a.priority(), m, acked);
        } catch (MqttException | IOException | RuntimeException e) {
            acked.completeExceptionally(e);
        }
        return acked;
    }

    private static Map<String, Object> body(AlertView a, long eventId, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alertId", a.id());
        body.put("eventId", eventId);
        body.put("kind", kind);
        body.put("plate", a.plate());
        body.put("list", a.listCode());
        body.put("priority", a.priority());
        body.put("historic", a.historic());
        body.put("explanation", a.explanation());
        body.put("place", a.place());
        body.put("lastSeen", a.lastSeen().toString());
        body.put("instruction", a.instruction());
        if (a.lon() != null) {
            body.put("lon", a.lon());
            body.put("lat", a.lat());
        }
        return body;
    }

    /** The publishing client, connected (Paho reconnects it by itself once it has been connected). */
    private MqttAsyncClient connected() throws MqttException {
        if (client == null) {
            MqttAsyncClient c = clients.newAsyncClient(clients.config().clientIdPrefix() + "-alerting-out-" + config.instanceId());
            try {
                c.connect(clients.options(true, 0)).waitForCompletion(5000);
            } catch (MqttException e) {
                // a first connection that failed is not retried by Paho: start afresh next time
                c.close(true);
                throw e;
            }
            client = c;
        }
        return client;
    }

    /**
     * Publishes, waiting (up to a few seconds, on the caller's thread) while the broker's receive
     * maximum of unacknowledged messages is reached, as in a burst of alerts.
     */
    private static void publish(MqttAsyncClient c, String topic, MqttMessage m, CompletableFuture<Void> acked)
            throws MqttException {
        MqttActionListener listener = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                int[] codes = token.getReasonCodes();
                if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                    // MQTT 5: a PUBACK can refuse the message (not authorised, quota exceeded)
                    acked.completeExceptionally(new IllegalStateException("the broker refused the alert (reason code 0x"
                            + Integer.toHexString(codes[0]) + ")"));
                } else {
                    acked.complete(null);
                }
            }

            @Override
            public void onFailure(IMqttToken token, Throwable cause) {
                acked.completeExceptionally(cause == null ? new IllegalStateException("publish failed") : cause);
            }
        };
        MqttClients.publishWhenWindowAllows(c, topic, m, listener, Duration.ofSeconds(5));
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            try {
                client.disconnect(1000).waitForCompletion(2000);
                client.close();
            } catch (MqttException e) {
                LOG.debug("closing the alert publisher: {}", e.getMessage());
            }
        }
    }
}
