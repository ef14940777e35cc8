package org.sightline.app.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's embedded broker speaks MQTT 5 and delivers QoS 1 messages, on loopback only. */
class EmbeddedBrokerTest {

    @TempDir
    Path dir;

    @Test
    void deliversQos1MessagesBetweenMqtt5Clients() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (EmbeddedBroker broker = new EmbeddedBroker(new EmbeddedBrokerProperties(true, port, dir))) {
            String url = "tcp://127.0.0.1:" + broker.port();
            List<String> received = new CopyOnWriteArrayList<>();
            MqttClient subscriber = new MqttClient(url, "sub-test", new MemoryPersistence());
            MqttClient publisher = new MqttClient(url, "pub-test", new MemoryPersistence());
            try {
                MqttConnectionOptions options = new MqttConnectionOptions();
                subscriber.connect(options);
                assertThat(subscriber.getCurrentServerURI()).isEqualTo(url);
                // Paho 1.2.5's subscribe(String, int, listener) recurses forever: use the MqttSubscription form
                subscriber.subscribe(new MqttSubscription[] {new MqttSubscription("sightline/v1/units/+/reads", 1)},
                        new IMqttMessageListener[] {(topic, message) ->
                                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8))});
                publisher.connect(options);
                MqttMessage message = new MqttMessage("{\"plate\":\"AB12CDE\"}".getBytes(StandardCharsets.UTF_8));
                message.setQos(1);
                publisher.publish("sightline/v1/units/U1/reads", message);
                await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
                assertThat(received).containsExactly("sightline/v1/units/U1/reads {\"plate\":\"AB12CDE\"}");
            } finally {
                for (MqttClient c : List.of(publisher, subscriber)) {
                    if (c.isConnected()) {
                        c.disconnect();
                    }
                    c.close();
                }
            }
        }
    }
}
