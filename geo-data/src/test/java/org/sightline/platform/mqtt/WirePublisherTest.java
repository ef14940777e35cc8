package org.sightline.platform.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

/** The benchmarks' lean publisher against a real Mosquitto: every message arrives once, in order; refusals are told. */
class WirePublisherTest {

    @Test
    void everyMessageArrivesOnceInOrderThroughTheBrokersWindow() throws Exception {
        // production limits: Mosquitto's default queue (1,000 per client) would drop what the
        // subscriber has not taken yet, which says nothing about the publisher
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults().withProductionLimits().withAccounts(
                Map.of("unit-a", "secret-a", "reader", "secret-r"), null))) {
            int n = 5_000;
            List<String> got = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(n);
            MqttClient sub = new MqttClient(broker.url(), "wire-test-sub", new MemoryPersistence());
            MqttConnectionOptions options = new MqttConnectionOptions();
            options.setUserName("reader");
            options.setPassword("secret-r".getBytes(StandardCharsets.UTF_8));
            sub.connect(options);
            IMqttMessageListener listener = (topic, message) -> {
                got.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8) + " q" + message.getQos());
                all.countDown();
            };
            sub.subscribe(new MqttSubscription[] {new MqttSubscription("wire/#", 1)}, new IMqttMessageListener[] {listener});

            // a window of 7 makes the publisher wait for acknowledgements hundreds of times;
            // packet ids wrap past 65,535 only in longer runs, so the ids are checked by the broker's acks
            try (WirePublisher pub = WirePublisher.connect(broker.url(), "wire-test-pub", "unit-a", "secret-a", 7)) {
                for (int i = 0; i < n; i++) {
                    pub.publish(("wire/" + (i % 3)).getBytes(StandardCharsets.UTF_8),
                            ("m" + i + "-" + "x".repeat(i % 200)).getBytes(StandardCharsets.UTF_8));
                    if (i % 50 == 0) {
                        pub.flush();
                    }
                }
                assertThat(pub.finish(10_000)).as("every PUBACK came back").isTrue();
                assertThat(pub.refused()).isZero();
            }
            assertThat(all.await(20, TimeUnit.SECONDS)).as("all %d messages arrived, got %d", n, got.size()).isTrue();
            // a duplicate would arrive now
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> got.size() == n);
            assertThat(got).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(got.get(i)).isEqualTo("wire/" + (i % 3) + " m" + i + "-" + "x".repeat(i % 200) + " q1");
            }
            sub.disconnect();
            sub.close();
        }
    }

    @Test
    void refusedLoginAndUnsupportedSchemesAreErrors() throws Exception {
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults().withAccounts(Map.of("unit-a", "secret-a"), null))) {
            assertThatThrownBy(() -> WirePublisher.connect(broker.url(), "wire-test-bad", "unit-a", "wrong", 100))
                    .isInstanceOf(IOException.class).hasMessageContaining("refused the connection: reason code 0x8");
            assertThatThrownBy(() -> WirePublisher.connect(broker.url().replace("tcp:", "ssl:"), "wire-test-tls", "unit-a",
                    "secret-a", 100)).isInstanceOf(IOException.class).hasMessageContaining("plain tcp:// only");
        }
    }
}
