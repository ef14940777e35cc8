package org.sightline.ingest.deadletter.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.read.adapter.mqtt.BridgedReads;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.testing.TestDatabase;

/**
 * An administrator sees why a message was refused and replays it once the cause is fixed; a
 * replay stores nothing twice. (Access to these routes is checked by the service's policy table
 * and its route test in the app module.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterApiTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";
    final IntakeFixture f = new IntakeFixture();

    @Inject
    DataSource migrated;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDatabase.get().micronautProperties());
        p.put("sightline.ingest.topic-root", f.root);
        return p;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String query) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/ingest/dead-letters" + query), Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    @Test
    void aReadFromAnUnregisteredUnitIsListedAndReplayedOnceTheUnitIsRegistered() throws Exception {
        UUID id = UUID.randomUUID();
        try (ReadIntake intake = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            IntakeFixture.publish(pub, f.readsTopic(), f.read(id));
            pub.disconnect();
            await().atMost(Duration.ofSeconds(10)).until(() -> f.deadLetters() == 1);
        }
        List<Map<String, Object>> pending = list("?pending=true&limit=10");
        Map<String, Object> dl = pending.stream().filter(m -> f.readsTopic().equals(m.get("topic"))).findFirst().orElseThrow();
        assertThat((String) dl.get("reason")).startsWith("unknown unit " + f.unit);
        assertThat((String) dl.get("payloadText")).contains(id.toString());
        long dlId = ((Number) dl.get("id")).longValue();

        // still unknown: the replay says so and stores nothing
        Map<?, ?> first = http.toBlocking().retrieve(HttpRequest.POST("/api/ingest/dead-letters/" + dlId + "/replay", ""), Map.class);
        assertThat(first.get("stored")).isEqualTo(0);
        assertThat((String) first.get("outcome")).contains("still refused: unknown unit");

        f.registerEstate();
        // alerting reads the broker, not the table: a subscriber of the reads alerting takes sees the replayed read
        List<String> republished = new CopyOnWriteArrayList<>();
        MqttClient alerting = IntakeFixture.publisher(BROKER);
        alerting.subscribe(new MqttSubscription[] {new MqttSubscription(BridgedReads.filter(f.root), 1)},
                new IMqttMessageListener[] {(topic, m) -> republished.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
        Map<?, ?> second = http.toBlocking().retrieve(HttpRequest.POST("/api/ingest/dead-letters/" + dlId + "/replay", ""), Map.class);
        assertThat(second.get("stored")).isEqualTo(1);
        assertThat(second.get("republished")).isEqualTo(1);
        assertThat(second.get("outcome")).isEqualTo("stored 1 read");
        await().atMost(Duration.ofSeconds(10)).until(() -> !republished.isEmpty());
        assertThat(republished).singleElement().satisfies(m -> assertThat(m)
                .startsWith(f.root + "/bridged/" + f.unit + "/reads [").contains("\"readId\":\"" + id + "\"").contains("\"plate\":\"AB12CDE\""));
        Map<?, ?> third = http.toBlocking().retrieve(HttpRequest.POST("/api/ingest/dead-letters/" + dlId + "/replay", ""), Map.class);
        assertThat(third.get("stored")).isEqualTo(0);
        assertThat(third.get("alreadyStored")).isEqualTo(1);
        assertThat(f.storedOf(List.of(id))).isEqualTo(1);
        alerting.disconnect();
        assertThat(list("?pending=true&limit=1000")).noneMatch(m -> ((Number) m.get("id")).longValue() == dlId);
        assertThat(list("?limit=1000")).anyMatch(m -> ((Number) m.get("id")).longValue() == dlId && m.get("replayedAt") != null);
    }

    @Test
    void anUnknownDeadLetterOrABadLimitIsAProblemResponse() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/ingest/dead-letters/987654321/replay", ""), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(404);
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("\"title\":\"No such dead letter\"");
                });
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/ingest/dead-letters?limit=0"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }
}
