package org.sightline.ingest.read.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.intake.IntakeStats;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.platform.mqtt.MosquittoOptions;

/**
 * An intake closed while it waits to reconnect stays closed: the reconnection the client had
 * already scheduled does not bring back a connection that would hold messages nobody acknowledges.
 */
class IntakeCloseTest {

    @Test
    void anIntakeClosedWhileTheBrokerIsDownDoesNotComeBackWhenTheBrokerDoes() throws Exception {
        int port = LocalMosquitto.freePort();
        String url = "tcp://127.0.0.1:" + port;
        IntakeFixture f = new IntakeFixture();
        var ds = IntakeFixture.dataSource(5432);
        IntakeStats stats = new IntakeStats();
        ReadIntake intake = new ReadIntake(IntakeFixture.clients(url), f.properties("closed"), ds,
                new EquipmentRegistry(ds, Duration.ZERO), stats);
        intake.start();
        // the client is retrying (0.25 s, 0.5 s, 1 s …): close it between attempts
        await().atMost(Duration.ofSeconds(10)).until(() -> stats.connectionLosses() >= 2);
        intake.close();
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults().withPort(port))) {
            assertThat(broker.url()).isEqualTo(url);
            // the client's attempts are at most 5 s apart: one is due within this time
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> stats.connections() == 0);
            assertThat(intake.isConnected()).isFalse();
        }
    }
}
