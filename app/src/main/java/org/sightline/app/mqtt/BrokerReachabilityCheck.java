package org.sightline.app.mqtt;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.sightline.app.broker.EmbeddedBroker;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.platform.mqtt.MqttProperties;
import org.sightline.app.cli.StartupCheckException;

/**
 * Refuses to start the service when the configured MQTT broker cannot be reached or refuses the
 * service's account, with one line that says what to fix.
 */
@Context
@Requires(property = "sightline.mqtt.check-at-startup", value = "true", defaultValue = "true")
public class BrokerReachabilityCheck {

    public BrokerReachabilityCheck(MqttClients clients, Optional<EmbeddedBroker> embedded) {
        MqttProperties config = clients.config();
        String clientId = config.clientIdPrefix() + "-check-" + UUID.randomUUID().toString().substring(0, 8);
        MqttClient client = null;
        try {
            client = clients.newClient(clientId);
            MqttConnectionOptions options = clients.options(true, 0);
            options.setAutomaticReconnect(false);
            client.connect(options);
            client.disconnect();
            client.close();
        } catch (MqttException e) {
            closeQuietly(client);
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            throw new StartupCheckException("Cannot reach the MQTT broker at " + config.url() + " (" + why
                    + "): start the broker, or set sightline.mqtt.url (environment SIGHTLINE_MQTT_URL)"
                    + (e.getReasonCode() == BAD_USER_NAME_OR_PASSWORD || e.getReasonCode() == NOT_AUTHORIZED
                        ? " and check sightline.mqtt.username/password" : ""));
        }
    }

    // MQTT 5 CONNACK reason codes
    private static final int BAD_USER_NAME_OR_PASSWORD = 0x86;
    private static final int NOT_AUTHORIZED = 0x87;

    private static void closeQuietly(MqttClient client) {
        if (client == null) {
            return;
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // the connection failed already; nothing more to release
        }
    }
}
