package org.sightline.ingest.peer;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.deadletter.DeadLetterReplay;
import org.sightline.ingest.read.adapter.mqtt.BridgedReads;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.ingest.testing.PeerPayloads;
import org.sightline.testing.TestDatabase;

/**
 * Frigate and OpenALPR messages in their real formats over the machine's Mosquitto into real
 * PostGIS, through the same intake, checks and write path as native reads: one read per tracked
 * object and plate, candidates stored as alternatives, unmapped cameras and bad payloads
 * dead-lettered with the reason, stored reads re-published in the native format for alerting.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerIntakeTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";

    @Inject
    DataSource migrated; // creating it runs the migrations

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    private static FrigateProperties frigate(IntakeFixture f, List<String> cameras) {
        return new FrigateProperties("depot", f.root + "-frigate", f.unit, cameras);
    }

    private static OpenAlprProperties alpr(IntakeFixture f, List<String> cameras) {
        return new OpenAlprProperties("huyton", f.root + "-alprd/+/results", "huyton-" + f.root, f.unit, cameras, "alpr_results");
    }

    private static PeerSettings peers(IntakeFixture f, List<String> frigateCameras, List<String> alprCameras) {
        return new PeerSettings(f.properties("a"), List.of(frigate(f, frigateCameras)), List.of(alpr(f, alprCameras)));
    }

    private static Map<String, String> frigateValues(String id, String camera, String plate) {
        double t0 = Instant.now().toEpochMilli() / 1000.0 - 5;
        return Map.of("ID", id, "CAMERA", camera, "PLATE", plate, "T0", Double.toString(t0), "T1", Double.toString(t0 + 0.5),
                "T2", Double.toString(t0 + 2), "T3", Double.toString(t0 + 4));
    }

    private static List<String> bridged(IntakeFixture f) throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        MqttClient sub = IntakeFixture.publisher(BROKER);
        sub.subscribe(new MqttSubscription[] {new MqttSubscription(BridgedReads.filter(f.root), 1)},
                new org.eclipse.paho.mqttv5.client.IMqttMessageListener[] {
                    (topic, m) -> seen.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
        return seen;
    }

    @Test
    void frigateObjectsAreStoredOncePerPlateAndUnmappedCamerasDeadLettered() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        IntakeFixture other = new IntakeFixture().registerEstate();
        PeerSettings settings = peers(f, List.of("driveway=" + f.camera, "gate=" + other.camera), List.of("1=" + f.camera));
        String prefix = f.root + "-frigate";
        List<String> forwarded = bridged(f);
        try (ReadIntake intake = f.startIntake(BROKER, f.properties("a"), settings.peers(), IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            Map<String, String> car = frigateValues("1795435194.081729-q3bz1k", "driveway", "MA19 XKT");
            for (String sample : List.of("frigate-event-new.json", "frigate-event-update-plate.json", "frigate-event-end.json")) {
                IntakeFixture.publish(pub, prefix + "/events", PeerPayloads.load(sample, car));
            }
            IntakeFixture.publish(pub, prefix + "/tracked_object_update", PeerPayloads.load("frigate-tracked-object-update-lpr.json", car));
            IntakeFixture.publish(pub, prefix + "/tracked_object_update",
                    PeerPayloads.load("frigate-tracked-object-update-description.json", car));
            // another vehicle, a camera nobody mapped, a camera mapped to another unit's camera, garbage
            IntakeFixture.publish(pub, prefix + "/events", PeerPayloads.load("frigate-event-end.json",
                    frigateValues("1795435201.550311-7hd0ab", "driveway", "KX70 BNE")));
            IntakeFixture.publish(pub, prefix + "/events", PeerPayloads.load("frigate-event-end.json",
                    frigateValues("1795435203.100002-mm01zz", "back_yard", "LV16 PJU")));
            IntakeFixture.publish(pub, prefix + "/events", PeerPayloads.load("frigate-event-end.json",
                    frigateValues("1795435204.700400-aa12bc", "gate", "YD21 OSF")));
            IntakeFixture.publish(pub, prefix + "/events", "{\"type\": \"end\", \"after\": ");
            pub.disconnect();

            await().atMost(Duration.ofSeconds(15)).until(() -> f.storedRows() == 2 && deadLetters(prefix) == 3
                    && intake.stats().messages() == 9);
            try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT plate, plate_as_read, camera_id, confidence, image_ref, vehicle_type, "
                         + "position_from_camera FROM plate_read WHERE unit_id = '" + f.unit + "' ORDER BY plate")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("KX70BNE");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("MA19XKT");
                assertThat(rs.getString(2)).isEqualTo("MA19 XKT");
                assertThat(rs.getString(3)).isEqualTo(f.camera);
                assertThat(rs.getFloat(4)).isEqualTo(0.934f);
                assertThat(rs.getString(5)).isEqualTo("frigate:depot/1795435194.081729-q3bz1k");
                assertThat(rs.getString(6)).isEqualTo("car");
                assertThat(rs.getBoolean(7)).isTrue();
            }
            assertThat(intake.stats().duplicates()).isEqualTo(2); // end and lpr repeat the update's read
            assertThat(reasons(prefix)).anySatisfy(r -> assertThat(r).contains("Frigate camera 'back_yard' is not mapped"))
                    .anySatisfy(r -> assertThat(r).contains("camera " + other.camera + " belongs to unit " + other.unit
                            + ", not to unit " + f.unit))
                    .anySatisfy(r -> assertThat(r).startsWith("not valid JSON"));
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarded.stream().anyMatch(m -> m.contains("KX70BNE")));
            assertThat(forwarded).allSatisfy(m -> assertThat(m).startsWith(f.root + "/bridged/" + f.unit + "/reads ["));
            assertThat(forwarded).anySatisfy(m -> assertThat(m).contains("\"plate\":\"MA19XKT\"").contains("\"confidence\":0.934"));
        }
    }

    @Test
    void openAlprResultsAreReadsWithAlternativesAndAFixedMappingReplaysTheDeadLetter() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        PeerSettings settings = peers(f, List.of("driveway=" + f.camera), List.of("1=" + f.camera));
        String site = "huyton-" + f.root;
        String topic = f.root + "-alprd/" + site + "/results";
        List<String> forwarded = bridged(f);
        Map<String, String> v = new HashMap<>();
        v.put("EPOCH_MS", Long.toString(Instant.now().minusSeconds(2).toEpochMilli()));
        v.put("EPOCH_END_MS", Long.toString(Instant.now().toEpochMilli()));
        v.put("PLATE", "WR51NVK");
        v.put("ALT1", "WR51NVX");
        v.put("ALT2", "WR5INVK");
        v.put("PLATE2", "FY68 OKP");
        v.put("UUID", site + "-cam1-" + System.nanoTime());
        v.put("CAMERA_ID", "1");
        v.put("SITE", site);
        String results = PeerPayloads.load("openalpr-results.json", v);
        try (ReadIntake intake = f.startIntake(BROKER, f.properties("a"), settings.peers(), IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            IntakeFixture.publish(pub, topic, results);
            IntakeFixture.publish(pub, topic, results); // re-sent: stored once
            IntakeFixture.publish(pub, topic, PeerPayloads.load("openalpr-heartbeat.json", v));
            IntakeFixture.publish(pub, topic, PeerPayloads.load("openalpr-group.json", v)); // the site takes results
            v.put("CAMERA_ID", "2");
            v.put("UUID", site + "-cam2-" + System.nanoTime());
            IntakeFixture.publish(pub, topic, PeerPayloads.load("openalpr-results.json", v)); // camera 2 is not mapped
            IntakeFixture.publish(pub, topic, results.replace("\"site_id\": \"" + site, "\"site_id\": \"kirkby"));
            pub.disconnect();

            await().atMost(Duration.ofSeconds(15)).until(() -> intake.stats().messages() == 6 && deadLetters(f.root + "-alprd") == 2
                    && f.storedRows() == 2);
            try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT plate, confidence, alternatives::text, image_ref FROM plate_read WHERE unit_id = '"
                         + f.unit + "' ORDER BY plate")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("FY68OKP");
                assertThat(rs.getString(3)).isEqualTo("[]");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("WR51NVK");
                assertThat(rs.getFloat(2)).isEqualTo(0.91482f);
                assertThat(rs.getString(3)).isEqualTo("[{\"plate\": \"WR51NVX\", \"confidence\": 0.84113}, "
                        + "{\"plate\": \"WR5INVK\", \"confidence\": 0.80559}]");
                assertThat(rs.getString(4)).startsWith("openalpr:" + site + "/");
            }
            assertThat(reasons(f.root + "-alprd")).anySatisfy(r -> assertThat(r).contains("camera_id 2 of site '" + site
                    + "' is not mapped")).anySatisfy(r -> assertThat(r).contains("site 'kirkby' is not configured"));
            await().atMost(Duration.ofSeconds(10)).until(() -> forwarded.stream().anyMatch(m -> m.contains("WR51NVK")));
            assertThat(forwarded).anySatisfy(m -> assertThat(m).contains("\"alternatives\":[{\"plate\":\"WR51NVX\",\"confidence\":0.84113}"));
        }
        // the engineer maps camera 2, restarts, and an administrator replays the dead letter
        long deadLetter = IntakeFixture.scalar("SELECT id FROM dead_letter WHERE topic = '" + topic + "' AND reason LIKE '%camera_id 2%'");
        PeerSettings fixed = peers(f, List.of("driveway=" + f.camera), List.of("1=" + f.camera, "2=" + f.otherCamera));
        DeadLetterReplay.Outcome outcome = new DeadLetterReplay(f.properties("a"), fixed, migrated, IntakeFixture.clients(BROKER))
                .replay(deadLetter).orElseThrow();
        assertThat(outcome.stored()).isEqualTo(2);
        assertThat(outcome.stillRefused()).isZero();
        assertThat(outcome.republished()).isEqualTo(2);
        assertThat(IntakeFixture.scalar("SELECT count(*) FROM plate_read WHERE camera_id = '" + f.otherCamera + "'")).isEqualTo(2);
        // and alerting gets them like any peer read
        await().atMost(Duration.ofSeconds(10)).until(() -> forwarded.stream().anyMatch(m -> m.contains(f.otherCamera)));
    }

    private static long deadLetters(String topicPrefix) throws Exception {
        return IntakeFixture.scalar("SELECT count(*) FROM dead_letter WHERE topic LIKE '" + topicPrefix + "/%'");
    }

    private static List<String> reasons(String topicPrefix) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT reason FROM dead_letter WHERE topic LIKE '" + topicPrefix + "/%' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
