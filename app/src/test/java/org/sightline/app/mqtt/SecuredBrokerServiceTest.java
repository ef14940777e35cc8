package org.sightline.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.testing.TestDatabase;

/**
 * The whole service on a broker secured as config/mosquitto prescribes: the service connects over
 * TLS with its own account (CA from make-dev-certs.sh), units log in with their own accounts and
 * the repository's ACL applies. A unit cannot publish as another unit (the broker drops it), and a
 * read a unit sends about another unit's camera is refused by the service and kept as a dead letter.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredBrokerServiceTest implements TestPropertyProvider {

    private static final String ROOT = "sightline/v1"; // the ACL is written for the production topics

    private LocalMosquitto broker;
    private MqttClient unitA;

    @Override
    public Map<String, String> getProperties() {
        try {
            Path certs = ShippedBrokerConfig.devCertificates();
            broker = LocalMosquitto.start(ShippedBrokerConfig.secured(Map.of("sightline-service", "service-secret", "unit-sb-a", "secret-a",
                    "unit-sb-b", "secret-b")).withTls(certs, false));
            Map<String, String> props = new HashMap<>(TestDatabase.get().micronautProperties());
            props.put("sightline.mqtt.url", broker.tlsUrl());
            props.put("sightline.mqtt.ca-file", certs.resolve("ca.crt").toString());
            props.put("sightline.mqtt.username", "sightline-service");
            props.put("sightline.mqtt.password", "service-secret");
            props.put("sightline.mqtt.client-id-prefix", "sl-sb-" + SightlineTestProperties.RUN);
            props.put("sightline.ingest.topic-root", ROOT);
            props.put("sightline.alerting.topic-root", ROOT);
            return props;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the secured broker", e);
        }
    }

    @BeforeAll
    void estateAndUnit() throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO geo_roadside_unit (id, name, status, source, geom) VALUES
                      ('unit-sb-a', 'Secured A', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                      ('unit-sb-b', 'Secured B', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.86, 53.44), 4326))
                    ON CONFLICT DO NOTHING""");
            st.executeUpdate("""
                    INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees,
                                            horizontal_fov_degrees, resolution, status, source, geom) VALUES
                      ('CAM-SB-A', 'unit-sb-a', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test',
                       ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                      ('CAM-SB-B', 'unit-sb-b', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test',
                       ST_SetSRID(ST_MakePoint(-2.86, 53.44), 4326))
                    ON CONFLICT DO NOTHING""");
        }
        unitA = new MqttClient(broker.url(), "unit-sb-a", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("unit-sb-a");
        options.setPassword("secret-a".getBytes(StandardCharsets.UTF_8));
        unitA.connect(options);
    }

    @AfterAll
    void stopUnitAndBroker() throws Exception {
        if (unitA != null && unitA.isConnected()) {
            unitA.disconnect();
        }
        // the service's context is closed after this method: stop the broker once the JVM ends
        LocalMosquitto b = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                b.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
    }

    private static String read(UUID id, String camera, String plate) {
        return "{\"readId\":\"" + id + "\",\"cameraId\":\"" + camera + "\",\"plate\":\"" + plate + "\",\"confidence\":0.9,"
                + "\"capturedAt\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}";
    }

    private void publish(String unit, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        unitA.publish(ROOT + "/units/" + unit + "/reads", m);
    }

    private static boolean stored(UUID readId) throws SQLException {
        try (Connection c = TestDatabase.get().connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM plate_read WHERE read_id = ?")) {
            ps.setObject(1, readId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    /** The reason of the dead letter holding this read, if there is one. */
    private static Optional<String> deadLetter(UUID readId) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT topic || ' | ' || reason FROM dead_letter WHERE position(convert_to(?, 'UTF8') in payload) > 0")) {
            ps.setString(1, readId.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    @Test
    void aUnitsReadReachesTheDatabaseThroughTheServicesTlsConnection() throws Exception {
        UUID id = UUID.randomUUID();
        publish("unit-sb-a", read(id, "CAM-SB-A", "SB26AAA"));
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(id));
        assertThat(deadLetter(id)).isEmpty();
    }

    @Test
    void aReadAboutAnotherUnitsCameraIsDeadLetteredByTheService() throws Exception {
        UUID id = UUID.randomUUID();
        publish("unit-sb-a", read(id, "CAM-SB-B", "SB26BBB"));
        await().atMost(Duration.ofSeconds(20)).until(() -> deadLetter(id).isPresent());
        assertThat(deadLetter(id).orElseThrow())
                .startsWith(ROOT + "/units/unit-sb-a/reads | ")
                .contains("camera CAM-SB-B belongs to unit unit-sb-b, not to unit unit-sb-a");
        assertThat(stored(id)).isFalse();
    }

    @Test
    void aUnitCannotPublishAsAnotherUnit() throws Exception {
        UUID forged = UUID.randomUUID();
        UUID genuine = UUID.randomUUID();
        publish("unit-sb-b", read(forged, "CAM-SB-B", "SB26FFF"));
        publish("unit-sb-a", read(genuine, "CAM-SB-A", "SB26GGG"));
        // same connection, QoS 1, in order: once the genuine read is stored the forged one would have arrived
        await().atMost(Duration.ofSeconds(20)).until(() -> stored(genuine));
        assertThat(stored(forged)).isFalse();
        assertThat(deadLetter(forged)).as("the broker dropped it; the service never saw it").isEmpty();
    }
}
