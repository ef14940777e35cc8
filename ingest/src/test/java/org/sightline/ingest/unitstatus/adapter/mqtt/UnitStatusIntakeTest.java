package org.sightline.ingest.unitstatus.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.peer.domain.CameraMapping;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.ingest.unitstatus.adapter.db.UnitStatusStore;
import org.sightline.testing.TestDatabase;

/**
 * Heartbeats, silence and the Last Will drive a unit through ONLINE, STALE and OFFLINE; a camera
 * reporting no frames is a FAULT; every change is stored in the history and published on
 * {@code events/units}. Real broker, real PostGIS; a 1 s heartbeat interval keeps it quick.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitStatusIntakeTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";

    @Inject
    DataSource migrated;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    private static String health(IntakeFixture f, boolean cameraOk, double fps) {
        Instant now = Instant.now();
        return "{\"sentAt\":\"" + now + "\",\"uptimeSeconds\":3600,\"temperatureCelsius\":41.5,\"diskFreeBytes\":12884901888,"
                + "\"firmware\":\"2.4.1\",\"readsSinceLastHeartbeat\":12,\"cameras\":[{\"cameraId\":\"" + f.camera + "\",\"ok\":"
                + cameraOk + ",\"fps\":" + fps + ",\"lastFrameAt\":\"" + now + "\"}]}";
    }

    private static List<String> history(IntakeFixture f) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT coalesce(camera_id, 'unit'), to_state FROM unit_status_history WHERE unit_id = '"
                     + f.unit + "' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1).equals("unit") ? rs.getString(2) : "camera " + rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void heartbeatsSilenceAndTheLastWillDriveTheUnitAndEveryChangeIsRecordedAndPublished() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        IngestProperties p = f.properties("a");
        p = new IngestProperties(true, "a", p.topicRoot(), p.shareGroup(), true, 200, Duration.ofMillis(10), 100, 200,
                Duration.ofMinutes(10), 65_536, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90), 2,
                Duration.ofSeconds(1), 1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        MqttClient watcher = IntakeFixture.publisher(BROKER);
        watcher.subscribe(new MqttSubscription[] {new MqttSubscription(f.root + "/events/units", 1)},
                new IMqttMessageListener[] {(t, m) -> events.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
        List<UnitStatusStore.Change> local = Collections.synchronizedList(new ArrayList<>());
        try (UnitStatusIntake intake = new UnitStatusIntake(IntakeFixture.clients(BROKER), p, IntakeFixture.dataSource(5432),
                new EquipmentRegistry(IntakeFixture.dataSource(5432), Duration.ZERO))) {
            intake.addListener(local::add);
            intake.start();
            await().atMost(Duration.ofSeconds(10)).until(intake::isConnected);
            MqttClient unit = IntakeFixture.publisher(BROKER);
            String healthTopic = f.root + "/units/" + f.unit + "/health";
            IntakeFixture.publish(unit, healthTopic, health(f, true, 25));
            await().atMost(Duration.ofSeconds(5)).until(() -> history(f).contains("ONLINE"));
            // silence: STALE after 1.5 s, OFFLINE after 3 s
            await().atMost(Duration.ofSeconds(8)).until(() -> history(f).contains("OFFLINE"));
            IntakeFixture.publish(unit, healthTopic, health(f, true, 0.2));
            await().atMost(Duration.ofSeconds(5)).until(() -> history(f).contains("camera FAULT"));
            IntakeFixture.publish(unit, f.root + "/units/" + f.unit + "/status", "offline");
            await().atMost(Duration.ofSeconds(5)).until(() -> history(f).size() >= 6);
            assertThat(history(f)).containsExactly("ONLINE", "STALE", "OFFLINE", "ONLINE", "camera FAULT", "OFFLINE");
            IntakeFixture.publish(unit, healthTopic, "{\"sentAt\":\"soon\"}");
            await().atMost(Duration.ofSeconds(5)).until(() -> f.deadLetters() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> events.size() >= 6);
            assertThat(events.get(0)).contains("\"unitId\":\"" + f.unit + "\"").contains("\"to\":\"ONLINE\"");
            assertThat(events).anySatisfy(e -> assertThat(e).contains("\"cameraId\":\"" + f.camera + "\"")
                    .contains("frame rate collapsed"));
            assertThat(local).hasSizeGreaterThanOrEqualTo(6);
            unit.disconnect();
        } finally {
            watcher.disconnect();
        }
        assertThat(IntakeFixture.scalar("SELECT count(*) FROM unit_status WHERE unit_id = '" + f.unit
                + "' AND firmware = '2.4.1' AND disk_free_bytes = 12884901888 AND state = 'OFFLINE'")).isEqualTo(1);
    }

    @Test
    void aFrigateInstancesAvailabilityIsThePresenceOfItsUnit() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        String prefix = f.root + "-frigate";
        Peers peers = new Peers(List.of(new FrigateSource("depot", prefix, new UnitId(f.unit),
                CameraMapping.parse("cameras", List.of("driveway=" + f.camera)))), List.of());
        MqttClient frigate = IntakeFixture.publisher(BROKER);
        try (UnitStatusIntake intake = new UnitStatusIntake(IntakeFixture.clients(BROKER), f.properties("a"), peers,
                IntakeFixture.dataSource(5432), new EquipmentRegistry(IntakeFixture.dataSource(5432), Duration.ZERO))) {
            intake.start();
            await().atMost(Duration.ofSeconds(10)).until(intake::isConnected);
            MqttMessage online = new MqttMessage("online".getBytes(StandardCharsets.UTF_8));
            online.setQos(1);
            online.setRetained(true);
            frigate.publish(prefix + "/available", online);
            await().atMost(Duration.ofSeconds(5)).until(() -> history(f).contains("ONLINE"));
            // Frigate's Last Will, or its clean stop
            IntakeFixture.publish(frigate, prefix + "/available", "offline");
            await().atMost(Duration.ofSeconds(5)).until(() -> history(f).contains("OFFLINE"));
            assertThat(history(f)).containsExactly("ONLINE", "OFFLINE");
            assertThat(f.deadLetters()).isZero();
        } finally {
            MqttMessage clear = new MqttMessage(new byte[0]);
            clear.setRetained(true);
            frigate.publish(prefix + "/available", clear);
            frigate.disconnect();
        }
    }
}
