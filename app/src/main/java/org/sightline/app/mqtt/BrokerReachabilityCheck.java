package org.sightline.app.mqtt;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLException;
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
            throw new StartupCheckException(explain(config, e));
        }
    }

    /** One line saying why the connection failed and which settings to check. */
    static String explain(MqttProperties config, MqttException e) {
        SSLException tls = tlsFailure(e);
        if (tls != null) {
            String why = oneLine(tls);
            if (why.contains("No subject alternative") || why.contains("No name matching")) {
                return "The MQTT broker's TLS certificate does not name the host in sightline.mqtt.url = " + config.url()
                        + " (" + why + "): connect by a name the certificate holds, or reissue it";
            }
            if (causedBy(tls, CertPathBuilderException.class) || causedBy(tls, CertPathValidatorException.class)) {
                return "The MQTT broker at " + config.url() + " presented a TLS certificate Sightline does not trust (" + why
                        + "): set sightline.mqtt.ca-file (or trust-store) to the CA that signed the broker's certificate";
            }
            return "The TLS handshake with the MQTT broker at " + config.url() + " failed (" + why + "): check the broker's TLS"
                    + " listener and, if it requires client certificates, sightline.mqtt.client-cert-file and client-key-file";
        }
        String why = e.getCause() != null ? oneLine(e.getCause()) : e.getMessage();
        return "Cannot reach the MQTT broker at " + config.url() + " (" + why
                + "): start the broker, or set sightline.mqtt.url (environment SIGHTLINE_MQTT_URL)"
                + (e.getReasonCode() == BAD_USER_NAME_OR_PASSWORD || e.getReasonCode() == NOT_AUTHORIZED
                    ? " and check sightline.mqtt.username/password" : "");
    }

    private static SSLException tlsFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SSLException ssl) {
                return ssl;
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(Throwable t) {
        // the innermost message names the actual problem (e.g. the certificate path that failed)
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = String.valueOf(root.getMessage() == null ? t.getMessage() : root.getMessage()).strip();
        int nl = m.indexOf('\n');
        m = nl < 0 ? m : m.substring(0, nl);
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
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
