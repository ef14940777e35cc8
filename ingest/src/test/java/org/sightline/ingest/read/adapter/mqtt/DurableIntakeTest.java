package org.sightline.ingest.read.adapter.mqtt;

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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.intake.IngestService;
import org.sightline.ingest.intake.IntakeStats;
import org.sightline.ingest.peer.PeerSettings;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.testing.TestDatabase;

/**
 * The intake against the machine's Mosquitto and real PostGIS: reads stored once, every bad
 * message dead-lettered with a reason while the good ones around it are stored, late reads
 * flagged, and two instances sharing one subscription.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableIntakeTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";

    @Inject
    DataSource migrated; // creating it runs the migrations

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    void duplicateDeliveriesAreStoredOnce() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        try (ReadIntake intake = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                String json = f.read(id);
                IntakeFixture.publish(pub, f.readsTopic(), json);
                IntakeFixture.publish(pub, f.readsTopic(), json);
            }
            // a batch that repeats a read already stored, and one read twice within itself
            UUID fresh = UUID.randomUUID();
            ids.add(fresh);
            IntakeFixture.publish(pub, f.readsTopic(), "[" + f.read(ids.get(0)) + "," + f.read(fresh) + "," + f.read(fresh) + "]");
            pub.disconnect();
            await().atMost(Duration.ofSeconds(15)).until(() -> f.storedRows() >= 51 && intake.stats().messages() >= 101
                    && intake.stats().batches() > 0 && f.storedRows() == intake.stats().stored());
            await().atMost(Duration.ofSeconds(5)).until(() -> intake.stats().stored() + intake.stats().duplicates() == 103);
            assertThat(f.storedRows()).isEqualTo(51);
            assertThat(f.distinctReadIds()).isEqualTo(51);
            assertThat(f.storedOf(ids)).isEqualTo(51);
            assertThat(f.deadLetters()).isZero();
        }
    }

    @Test
    void badPayloadsAreDeadLetteredAndTheGoodReadsAroundThemStored() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        List<byte[]> corpus = new ArrayList<>();
        corpus.add("{not json".getBytes(StandardCharsets.UTF_8));
        corpus.add("".getBytes(StandardCharsets.UTF_8));
        corpus.add("42".getBytes(StandardCharsets.UTF_8));
        corpus.add("[]".getBytes(StandardCharsets.UTF_8));
        corpus.add(("{\"readId\":123,\"cameraId\":\"" + f.camera + "\",\"plate\":\"AB12CDE\",\"confidence\":0.9,"
                + "\"capturedAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace("0.93", "\"high\"").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace("0.93", "1.5").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID(), "X".repeat(70_000), Instant.now()).getBytes(StandardCharsets.UTF_8));
        // huge strings that keep the message under the size limit
        corpus.add(f.read(UUID.randomUUID()).replace("}", ",\"imageRef\":\"" + "i".repeat(60_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace("}", ",\"vehicle\":{\"make\":\"" + "m".repeat(30_000) + "\"}}")
                .getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace(f.camera, "C".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID(), "'; DROP TABLE plate_read;--", Instant.now()).getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID(), "AB\\u000012", Instant.now()).getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace("}", ",\"lon\":NaN,\"lat\":53.4}").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace("}", ",\"lon\":-200,\"lat\":53.4}").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID(), "AB12CDE", Instant.now().plus(Duration.ofHours(2))).getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace(f.camera, "no-such-camera").getBytes(StandardCharsets.UTF_8));
        corpus.add(f.read(UUID.randomUUID()).replace("\"capturedAt\":\"", "\"capturedAt\":\"yesterday").getBytes(StandardCharsets.UTF_8));
        byte[] garbage = new byte[512];
        new java.util.Random(7).nextBytes(garbage);
        corpus.add(garbage);
        corpus.add(new byte[] {(byte) 0xC3, (byte) 0x28, '{', '}'});
        try (ReadIntake intake = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            List<UUID> good = new ArrayList<>();
            for (byte[] bad : corpus) {
                UUID id = UUID.randomUUID();
                good.add(id);
                IntakeFixture.publish(pub, f.readsTopic(), f.read(id));
                IntakeFixture.publishReliably(pub, f.readsTopic(), bad);
            }
            // a message on a topic whose unit id is invalid, and one from an unregistered unit
            IntakeFixture.publish(pub, f.root + "/units/bad unit!/reads", f.read(UUID.randomUUID()));
            IntakeFixture.publish(pub, f.root + "/units/U-nobody/reads", f.read(UUID.randomUUID()));
            pub.disconnect();
            int expectedBad = corpus.size() + 2;
            await().atMost(Duration.ofSeconds(15)).until(() -> f.deadLetters() == expectedBad && f.storedOf(good) == good.size());
            List<String> reasons = f.deadLetterReasons();
            assertThat(reasons).allSatisfy(r -> assertThat(r).isNotBlank());
            assertThat(reasons).anySatisfy(r -> assertThat(r).startsWith("not valid JSON"))
                    .anySatisfy(r -> assertThat(r).contains("confidence must be"))
                    .anySatisfy(r -> assertThat(r).contains("more than the limit of 65536"))
                    .anySatisfy(r -> assertThat(r).contains("characters other than letters"))
                    .anySatisfy(r -> assertThat(r).contains("ahead of the service clock"))
                    .anySatisfy(r -> assertThat(r).contains("unknown camera no-such-camera"))
                    .anySatisfy(r -> assertThat(r).contains("unknown unit U-nobody"))
                    .anySatisfy(r -> assertThat(r).contains("longitude"))
                    .anySatisfy(r -> assertThat(r).contains("readId must be a string"))
                    .anySatisfy(r -> assertThat(r).startsWith("imageRef must be at most 512 characters"))
                    .anySatisfy(r -> assertThat(r).startsWith("vehicle make must be at most 64 characters"))
                    .anySatisfy(r -> assertThat(r).startsWith("camera id must be 1-64"));
            assertThat(f.storedRows()).isEqualTo(good.size());
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM plate_read")).isPositive(); // the table survived
            assertThat(intake.isConnected()).isTrue();
        }
    }

    @Test
    void lateReadsAreStoredFlaggedInTheirOwnDayAndPositionedAtTheCamera() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        try (ReadIntake intake = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            UUID late = UUID.randomUUID();
            UUID onTime = UUID.randomUUID();
            Instant fiveDaysAgo = Instant.now().minus(Duration.ofDays(5));
            IntakeFixture.publish(pub, f.readsTopic(), f.read(late, "ab-12 cde", fiveDaysAgo));
            IntakeFixture.publish(pub, f.readsTopic(), f.read(onTime, "WDB 123 45X", Instant.now())
                    .replace("}", ",\"lon\":-2.86,\"lat\":53.44,\"heading\":271.5,\"lane\":2,"
                            + "\"vehicle\":{\"make\":\"Ford\",\"colour\":\"blue\",\"type\":\"van\"},\"imageRef\":\"img/1.jpg\"}"));
            pub.disconnect();
            await().atMost(Duration.ofSeconds(15)).until(() -> f.storedRows() == 2);
            try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT read_id, plate, plate_as_read, uk_format, late, position_from_camera, "
                         + "ST_X(geom), tableoid::regclass::text, vehicle_make, lane, heading_degrees FROM plate_read WHERE unit_id = '"
                         + f.unit + "' ORDER BY captured_at")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo(late.toString());
                assertThat(rs.getString(2)).isEqualTo("AB12CDE");
                assertThat(rs.getString(3)).isEqualTo("ab-12 cde");
                assertThat(rs.getBoolean(4)).isTrue();
                assertThat(rs.getBoolean(5)).isTrue();
                assertThat(rs.getBoolean(6)).isTrue();
                assertThat(rs.getDouble(7)).isEqualTo(-2.851);
                assertThat(rs.getString(8)).isEqualTo("plate_read_" + java.time.format.DateTimeFormatter.BASIC_ISO_DATE
                        .format(fiveDaysAgo.atZone(java.time.ZoneOffset.UTC).toLocalDate()));
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("WDB12345X");
                assertThat(rs.getBoolean(4)).isFalse(); // a German plate: accepted, not UK format
                assertThat(rs.getBoolean(5)).isFalse();
                assertThat(rs.getBoolean(6)).isFalse();
                assertThat(rs.getDouble(7)).isEqualTo(-2.86);
                assertThat(rs.getString(9)).isEqualTo("Ford");
                assertThat(rs.getInt(10)).isEqualTo(2);
                assertThat(rs.getDouble(11)).isEqualTo(271.5);
            }
        }
    }

    @Test
    void aReadThroughAnotherUnitsCameraOrNamingAnotherUnitIsDeadLettered() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        IntakeFixture u2 = new IntakeFixture().registerEstate();
        try (ReadIntake intake = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            UUID good = UUID.randomUUID();
            IntakeFixture.publish(pub, f.readsTopic(), f.read(good));
            // U1's topic, U2's camera
            IntakeFixture.publish(pub, f.readsTopic(), f.read(UUID.randomUUID()).replace(f.camera, u2.camera));
            // U1's topic, a body that says it is U2's
            IntakeFixture.publish(pub, f.readsTopic(), f.read(UUID.randomUUID()).replace("}", ",\"unitId\":\"" + u2.unit + "\"}"));
            // in a batch, only the element from the other unit's camera is refused
            UUID inBatch = UUID.randomUUID();
            IntakeFixture.publish(pub, f.readsTopic(), "[" + f.read(inBatch) + "," + f.read(UUID.randomUUID()).replace(f.camera, u2.camera) + "]");
            pub.disconnect();
            await().atMost(Duration.ofSeconds(15)).until(() -> f.deadLetters() == 3 && f.storedOf(List.of(good, inBatch)) == 2);
            assertThat(f.storedRows()).isEqualTo(2);
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM plate_read WHERE unit_id = '" + u2.unit + "'")).isZero();
            assertThat(f.deadLetterReasons()).containsExactlyInAnyOrder(
                    "camera " + u2.camera + " belongs to unit " + u2.unit + ", not to unit " + f.unit,
                    "unitId '" + u2.unit + "' in the body is not the unit of the topic (" + f.unit + ")",
                    "batch element 1: camera " + u2.camera + " belongs to unit " + u2.unit + ", not to unit " + f.unit);
        }
    }

    @Test
    void twoInstancesShareTheLoadAndStoreEachReadOnce() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        try (ReadIntake a = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432));
             ReadIntake b = f.startIntake(BROKER, "b", IntakeFixture.dataSource(5432))) {
            MqttClient pub = IntakeFixture.publisher(BROKER);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                IntakeFixture.publish(pub, f.readsTopic(), f.read(id));
            }
            pub.disconnect();
            await().atMost(Duration.ofSeconds(20)).until(() -> f.storedRows() == 400);
            assertThat(f.storedOf(ids)).isEqualTo(400);
            assertThat(a.stats().stored()).isPositive();
            assertThat(b.stats().stored()).isPositive();
            assertThat(a.stats().stored() + b.stats().stored()).isEqualTo(400);
        }
    }

    @Test
    void anInstanceOnTwoConnectionsSplitsTheReadsAndStoresEachOnce() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        IngestService service = new IngestService(f.properties("two").withConnections(2),
                new PeerSettings(f.properties("two"), List.of(), List.of()), IntakeFixture.clients(BROKER), IntakeFixture.dataSource(5432));
        try {
            service.onApplicationEvent(null);
            List<ReadIntake> connections = service.intakes();
            assertThat(connections).extracting(ReadIntake::clientId).containsExactly(IntakeFixture.clientIdPrefix() + "-ingest-two",
                    IntakeFixture.clientIdPrefix() + "-ingest-two-c1");
            await().atMost(Duration.ofSeconds(10)).until(() -> connections.stream().allMatch(ReadIntake::isConnected));
            MqttClient pub = IntakeFixture.publisher(BROKER);
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                IntakeFixture.publish(pub, f.readsTopic(), f.read(id));
                if (i % 50 == 0) {
                    IntakeFixture.publish(pub, f.readsTopic(), f.read(ids.get(i / 2))); // a redelivery of an earlier read
                }
            }
            pub.disconnect();
            await().atMost(Duration.ofSeconds(20)).until(() -> f.storedRows() == 400);
            assertThat(f.storedOf(ids)).isEqualTo(400);
            // one totals object for the instance; only the 8 redeliveries count as duplicates, so
            // no message went to both connections (they subscribe as a share group)
            assertThat(connections.get(0).stats()).isSameAs(connections.get(1).stats());
            // the other connection may still be committing the batch with the last redelivery
            IntakeStats stats = connections.get(0).stats();
            await().atMost(Duration.ofSeconds(10)).until(() -> stats.messagesCommitted() >= 408);
            assertThat(stats.stored()).as(stats.toString()).isEqualTo(400);
            assertThat(stats.duplicates()).as(stats.toString()).isEqualTo(8);
            // both connections met the unit at once on a cold estate cache: neither may call it unknown
            assertThat(stats.deadLettered()).as(stats.toString()).isZero();
        } finally {
            service.stop();
        }
    }
}
