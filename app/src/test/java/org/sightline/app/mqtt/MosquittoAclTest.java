package org.sightline.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.platform.mqtt.LocalMosquitto;

/**
 * The broker configuration shipped in config/mosquitto, run in a real Mosquitto: every client
 * must log in, and a roadside unit may publish only under its own topic tree.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MosquittoAclTest {

    private LocalMosquitto broker;
    private String url;

    @BeforeAll
    void startBroker() throws Exception {
        broker = LocalMosquitto.start(ShippedBrokerConfig.secured(Map.of("unit-a", "password-a", "unit-b", "password-b",
                "sightline-service", "service-password", "frigate", "frigate-password")));
        url = broker.url();
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private MqttClient connect(String user, String password) throws MqttException {
        MqttClient client = new MqttClient(url, user + "-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        options.setAutomaticReconnect(false);
        client.connect(options);
        return client;
    }

    private static void publish(MqttClient client, String topic, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        client.publish(topic, m);
    }

    @Test
    void unitMayPublishOnlyUnderItsOwnTopic() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient service = connect("sightline-service", "service-password");
        MqttClient unitA = connect("unit-a", "password-a");
        try {
            service.subscribe(new MqttSubscription[] {new MqttSubscription("sightline/v1/units/#", 1)},
                    new IMqttMessageListener[] {(topic, msg) -> received.add(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8))});
            publish(unitA, "sightline/v1/units/unit-b/reads", "forged");
            publish(unitA, "sightline/v1/units/unit-a/reads", "genuine");
            // the genuine message is published after the forged one on the same connection, so
            // once it has arrived the forged one would have arrived before it
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("sightline/v1/units/unit-a/reads genuine"));
            assertThat(received).containsExactly("sightline/v1/units/unit-a/reads genuine");
        } finally {
            unitA.disconnect();
            service.disconnect();
        }
    }

    @Test
    void unitCannotReadOtherUnitsReads() throws Exception {
        // Mosquitto grants the subscription but checks the ACL on delivery: unit A must never get
        // unit B's reads, while it does get its own status topic (a barrier published after B's read)
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient unitA = connect("unit-a", "password-a");
        MqttClient unitB = connect("unit-b", "password-b");
        try {
            unitA.subscribe(new MqttSubscription[] {new MqttSubscription("sightline/v1/units/unit-b/reads", 1),
                            new MqttSubscription("sightline/v1/units/unit-a/status", 1)},
                    new IMqttMessageListener[] {(t, m) -> received.add(t), (t, m) -> received.add(t)});
            publish(unitB, "sightline/v1/units/unit-b/reads", "{\"plate\":\"AB12CDE\"}");
            publish(unitA, "sightline/v1/units/unit-a/status", "online");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains("sightline/v1/units/unit-a/status"));
            assertThat(received).containsExactly("sightline/v1/units/unit-a/status");
        } finally {
            unitA.disconnect();
            unitB.disconnect();
        }
    }

    @Test
    void serviceTakesPeerTopicsAndOnlyTheServiceBridgesReads() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        MqttClient service = connect("sightline-service", "service-password");
        MqttClient frigate = connect("frigate", "frigate-password");
        MqttClient unitA = connect("unit-a", "password-a");
        try {
            IMqttMessageListener record = (topic, msg) -> received.add(topic + " " + new String(msg.getPayload(), StandardCharsets.UTF_8));
            service.subscribe(new MqttSubscription[] {new MqttSubscription("frigate/#", 1),
                            new MqttSubscription("sightline/v1/bridged/+/reads", 1),
                            new MqttSubscription("sightline/v1/units/unit-a/reads", 1)},
                    new IMqttMessageListener[] {record, record, record});
            publish(frigate, "frigate/events", "event");
            publish(service, "sightline/v1/bridged/unit-a/reads", "bridged");
            publish(unitA, "sightline/v1/bridged/unit-a/reads", "forged");
            publish(unitA, "sightline/v1/units/unit-a/reads", "genuine");
            await().atMost(Duration.ofSeconds(10)).until(() -> received.containsAll(List.of("frigate/events event",
                    "sightline/v1/bridged/unit-a/reads bridged", "sightline/v1/units/unit-a/reads genuine")));
            assertThat(received).doesNotContain("sightline/v1/bridged/unit-a/reads forged").hasSize(3);
        } finally {
            unitA.disconnect();
            frigate.disconnect();
            service.disconnect();
        }
    }

    @Test
    void wrongPasswordAndAnonymousAreRefused() {
        assertThatThrownBy(() -> connect("unit-a", "not-the-password")).isInstanceOf(MqttException.class);
        assertThatThrownBy(() -> {
            MqttClient anon = new MqttClient(url, "anonymous-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setAutomaticReconnect(false);
            anon.connect(options);
        }).isInstanceOf(MqttException.class);
    }
}
