package org.sightline.ingest.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.ingest.testing.PeerPayloads;
import org.sightline.ingest.unitstatus.adapter.mqtt.UnitStatusIntake;
import org.sightline.testing.TestDatabase;

/**
 * Peers' health in their real formats over the machine's Mosquitto into real PostGIS: a Frigate's
 * stats and an OpenALPR agent's heartbeat (which arrives on its results topic, through the read
 * intake) are the heartbeats of the units standing for them, with firmware, disk and per-camera
 * health; and when they stop, those units turn STALE and then OFFLINE by the peer's own heartbeat
 * interval (1 s here), while native units keep theirs (30 s).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerHealthTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";
    static final Duration PEER_INTERVAL = Duration.ofSeconds(1);

    @Inject
    DataSource migrated; // creating it runs the migrations

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    private static PeerSettings peers(IntakeFixture f) {
        return new PeerSettings(f.properties("a"),
                List.of(new FrigateProperties("depot", f.root + "-frigate", f.unit,
                        List.of("gate_lpr=" + f.camera, "exit_lpr=" + f.otherCamera), PEER_INTERVAL)),
                List.of());
    }

    private static UnitStatusIntake startStatus(IntakeFixture f, PeerSettings settings) {
        UnitStatusIntake status = new UnitStatusIntake(IntakeFixture.clients(BROKER), f.properties("a"), settings.peers(),
                IntakeFixture.dataSource(5432), new EquipmentRegistry(IntakeFixture.dataSource(5432), Duration.ZERO));
        status.start();
        await().atMost(Duration.ofSeconds(10)).until(status::isConnected);
        return status;
    }

    private static String row(String sql) throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static List<String> history(IntakeFixture f) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(camera_id, 'unit'), to_state FROM unit_status_history WHERE unit_id = '"
                     + f.unit + "' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1).equals("unit") ? rs.getString(2) : rs.getString(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void frigateStatsKeepItsUnitOnlineWithItsHealthAndItGoesStaleWhenTheyStop() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        try (UnitStatusIntake status = startStatus(f, peers(f))) {
            MqttClient frigate = IntakeFixture.publisher(BROKER);
            IntakeFixture.publish(frigate, f.root + "-frigate/stats", PeerPayloads.load("frigate-stats.json", Map.of(
                    "CAMERA", "gate_lpr", "STALLED", "exit_lpr", "UPDATED", Long.toString(Instant.now().getEpochSecond()))));
            frigate.disconnect();
            await().atMost(Duration.ofSeconds(5)).until(() -> history(f).contains("ONLINE"));
            assertThat(row("SELECT firmware || ' ' || uptime_seconds || ' ' || disk_free_bytes || ' ' || temperature_celsius "
                    + "FROM unit_status WHERE unit_id = '" + f.unit + "'"))
                    .isEqualTo("Frigate 0.16.2-5a3b9c1 93784 " + Math.round(441_541.2 * 1024 * 1024) + " 48.5");
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM camera_status WHERE camera_id = '" + f.camera
                    + "' AND NOT fault AND round(fps::numeric, 1) = 5.1")).isEqualTo(1);
            // silence: 1.5 and 3 of the Frigate's 1 s interval, not of the units' 30 s
            await().atMost(Duration.ofSeconds(10)).until(() -> history(f).contains("OFFLINE"));
            assertThat(history(f)).containsExactly("ONLINE", f.otherCamera + " FAULT", "STALE", "OFFLINE");
            assertThat(f.deadLetters()).isZero();
        }
    }

    @Test
    void anOpenAlprHeartbeatOnItsResultsTopicReachesTheUnitStatusAndItsReadsStillTheReads() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        String site = "huyton-" + f.root;
        String topic = f.root + "-alprd/" + site + "/results";
        PeerSettings settings = new PeerSettings(f.properties("a"), List.of(), List.of(new OpenAlprProperties("huyton",
                f.root + "-alprd/+/results", site, f.unit, List.of("1=" + f.camera), "alpr_results", PEER_INTERVAL)));
        Map<String, String> v = new HashMap<>();
        v.put("EPOCH_MS", Long.toString(Instant.now().toEpochMilli()));
        v.put("PLATE", "WR51NVK");
        v.put("ALT1", "WR51NVX");
        v.put("ALT2", "WR5INVK");
        v.put("PLATE2", "FY68 OKP");
        v.put("UUID", site + "-cam1-" + System.nanoTime());
        v.put("CAMERA_ID", "1");
        v.put("SITE", site);
        try (UnitStatusIntake status = startStatus(f, settings);
             ReadIntake intake = f.startIntake(BROKER, f.properties("a"), settings.peers(), IntakeFixture.dataSource(5432))) {
            intake.handPeerHeartbeatsTo(status::offerPeerHeartbeat);
            MqttClient relay = IntakeFixture.publisher(BROKER);
            IntakeFixture.publish(relay, topic, PeerPayloads.load("openalpr-heartbeat.json", v));
            IntakeFixture.publish(relay, topic, PeerPayloads.load("openalpr-results.json", v));
            relay.disconnect();
            await().atMost(Duration.ofSeconds(10)).until(() -> f.storedRows() == 2 && history(f).contains("ONLINE"));
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM unit_status WHERE unit_id = '" + f.unit
                    + "' AND firmware = 'alprd 2.8.101' AND uptime_seconds = 861204 AND disk_free_bytes = "
                    + (8_000_000_000L - 2_048_331_776L))).isEqualTo(1);
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM camera_status WHERE camera_id = '" + f.camera
                    + "' AND NOT fault AND fps = 12")).isEqualTo(1);
            assertThat(intake.stats().messages()).isEqualTo(1); // the heartbeat went to the unit status, not the writer
            // and when the heartbeats stop, by the site's 1 s interval (left STALE, the unit would be aged by other tests' intakes)
            await().atMost(Duration.ofSeconds(10)).until(() -> history(f).contains("OFFLINE"));
            assertThat(history(f)).containsExactly("ONLINE", "STALE", "OFFLINE");
            assertThat(f.deadLetters()).isZero();
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM dead_letter WHERE topic = '" + topic + "'")).isZero();
        }
    }
}
