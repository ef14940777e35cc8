package org.sightline.alerting.read.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.platform.mqtt.MosquittoOptions;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.testing.TestDatabase;

/**
 * Alerting started before its broker (the demo's embedded broker comes up after the service's
 * beans): it keeps trying and takes reads once the broker is there. Paho's automatic reconnect
 * alone never connected it.
 */
@MicronautTest(transactional = false)
@TestInstance(PER_CLASS)
class BrokerLaterTest implements TestPropertyProvider {

    static final String ROOT = "test-later-" + UUID.randomUUID().toString().substring(0, 8);
    final int port;

    BrokerLaterTest() throws IOException {
        port = LocalMosquitto.freePort();
    }

    @Inject
    ReadSubscriber subscriber;

    @Inject
    MqttClients clients;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDatabase.get().micronautProperties());
        p.put("sightline.mqtt.url", "tcp://127.0.0.1:" + port);
        p.put("sightline.mqtt.check-at-startup", "false");
        p.put("sightline.alerting.listen", "true");
        p.put("sightline.alerting.topic-root", ROOT);
        p.put("sightline.alerting.instance-id", "t" + UUID.randomUUID().toString().substring(0, 8));
        return p;
    }

    @Test
    void readsAreTakenOnceTheBrokerComesUp() throws Exception {
        // the service has been up without a broker for a while, and took nothing meanwhile
        long idle = subscriber.processed();
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3)).until(() -> subscriber.processed() == idle);
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults().withPort(port))) {
            MqttClient unit = clients.newClient("test-later-unit-" + UUID.randomUUID());
            unit.connect(clients.options(true, 0));
            long before = subscriber.processed();
            String read = "{\"readId\":\"" + UUID.randomUUID() + "\",\"cameraId\":\"CAM-X\",\"plate\":\"AB12CDE\",\"confidence\":0.9,"
                    + "\"capturedAt\":\"" + Instant.now() + "\"}";
            // published until alerting has subscribed (before that the broker has no subscriber for it)
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                MqttMessage m = new MqttMessage(read.getBytes(StandardCharsets.UTF_8));
                m.setQos(1);
                unit.publish(ROOT + "/units/U-LATER/reads", m);
                return subscriber.processed() > before;
            });
            assertThat(subscriber.processed()).isGreaterThan(before);
            unit.disconnect();
            unit.close();
        }
    }
}
