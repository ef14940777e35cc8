package org.sightline.ingest.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.deadletter.adapter.db.DeadLetterStore;
import org.sightline.ingest.peer.PeerSettings;
import org.sightline.ingest.read.adapter.mqtt.BridgedReads;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.platform.mqtt.MosquittoOptions;
import org.sightline.testing.TestDatabase;

/**
 * A replay whose reads cannot be re-published for alerting (the broker is down) stores them but
 * leaves the dead letter pending, saying why; the next replay, with the broker back, re-publishes
 * them without storing anything twice.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterReplayTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";

    @Inject
    DataSource migrated;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    void aReplayTheBrokerCannotTakeStaysPendingAndTheNextOneRepublishesWithoutStoringTwice() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        UUID readId = UUID.randomUUID();
        new DeadLetterStore(IntakeFixture.dataSource(5432)).add(f.readsTopic(), f.read(readId).getBytes(StandardCharsets.UTF_8),
                "unknown camera (since registered)", Instant.now());
        long id = IntakeFixture.scalar("SELECT id FROM dead_letter WHERE topic = '" + f.readsTopic() + "'");
        PeerSettings noPeers = new PeerSettings(f.properties("a"), List.of(), List.of());

        DeadLetterReplay.Outcome down;
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults())) {
            broker.stop(); // the broker is down: its port refuses connections
            down = new DeadLetterReplay(f.properties("a"), noPeers, migrated, IntakeFixture.clients(broker.url())).replay(id).orElseThrow();
        }
        assertThat(down.stored()).isEqualTo(1);
        assertThat(down.republished()).isZero();
        assertThat(down.summary()).startsWith("stored 1 read; not re-published for alerting").endsWith("replay again once the broker is reachable");
        assertThat(IntakeFixture.scalar("SELECT count(*) FROM dead_letter WHERE id = " + id + " AND replayed_at IS NULL "
                + "AND replay_outcome LIKE '%not re-published%'")).isEqualTo(1);

        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient alerting = IntakeFixture.publisher(BROKER);
        alerting.subscribe(new MqttSubscription[] {new MqttSubscription(BridgedReads.filter(f.root), 1)},
                new IMqttMessageListener[] {(t, m) -> seen.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
        DeadLetterReplay.Outcome up = new DeadLetterReplay(f.properties("a"), noPeers, migrated, IntakeFixture.clients(BROKER))
                .replay(id).orElseThrow();
        assertThat(up.stored()).isZero();
        assertThat(up.alreadyStored()).isEqualTo(1);
        assertThat(up.republished()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(m -> m.contains(readId.toString())));
        assertThat(f.storedOf(List.of(readId))).isEqualTo(1);
        assertThat(IntakeFixture.scalar("SELECT count(*) FROM dead_letter WHERE id = " + id + " AND replayed_at IS NOT NULL "
                + "AND replay_outcome = 'stored 0 reads, 1 already stored'")).isEqualTo(1);
        alerting.disconnect();
    }
}
