package org.sightline.alerting.alert.adapter.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.AlertOutbound;
import org.sightline.alerting.alert.domain.AlertView;
import org.sightline.platform.mqtt.MqttClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes new and escalated alerts for other control-room systems on
 * {@code <root>/alerts/<priority>} (QoS 1). Covert alerts are never published.
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
    public synchronized void send(AlertView a, String kind) {
        if (a.covert()) {
            return;
        }
        try {
            if (client == null) {
                client = clients.newAsyncClient(clients.config().clientIdPrefix() + "-alerting-out-" + config.instanceId());
                client.connect(clients.options(true, 0)).waitForCompletion(5000);
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alertId", a.id());
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
            MqttMessage m = new MqttMessage(json.writeValueAsBytes(body));
            m.setQos(1);
            publish(config.topicRoot() + "/alerts/" + a.priority(), m);
        } catch (MqttException | IOException | RuntimeException e) {
            LOG.warn("could not publish alert {} on MQTT: {}", a.id(), e.toString());
        }
    }

    /**
     * Publishes, waiting (up to a few seconds, on the sender's own thread) while the broker's
     * receive maximum of unacknowledged messages is reached, as in a burst of alerts.
     */
    private void publish(String topic, MqttMessage m) throws MqttException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            try {
                client.publish(topic, m);
                return;
            } catch (MqttException e) {
                if (e.getReasonCode() != MqttClientException.REASON_CODE_MAX_INFLIGHT || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(1_000_000);
            }
        }
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
