package org.sightline.ingest.testing;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.postgresql.ds.PGSimpleDataSource;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.intake.IntakeStats;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.platform.mqtt.MqttProperties;
import org.sightline.testing.TestDatabase;

/**
 * What the intake tests share: a topic root of their own (tests never see each other's messages
 * on a shared broker), a small camera estate in geo-data's tables, intake instances, a publisher
 * that retries until the broker acknowledges, and queries of what was stored.
 */
public final class IntakeFixture {

    public final String root = "test-" + UUID.randomUUID().toString().substring(0, 8);
    public final String unit = "U-" + root;
    public final String camera = "C-" + root;
    public final String otherCamera = "C2-" + root;

    /** Inserts this fixture's unit with two cameras. */
    public IntakeFixture registerEstate() throws SQLException {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO geo_roadside_unit (id, name, status, source, geom) VALUES ('" + unit
                    + "', 'test unit', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))");
            for (String cam : List.of(camera, otherCamera)) {
                st.execute("INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees, "
                        + "horizontal_fov_degrees, resolution, status, source, geom) VALUES ('" + cam + "', '" + unit
                        + "', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.851, 53.431), 4326))");
            }
        }
        return this;
    }

    /** Intake settings for this fixture: its topic root, small batches, short linger. */
    public IngestProperties properties(String instanceId) {
        return new IngestProperties(true, instanceId, root, shareGroup(), true, 200, Duration.ofMillis(10), 100, 200,
                Duration.ofMinutes(10), 65_536, Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90), 2,
                Duration.ofSeconds(30), 1);
    }

    /** The shared-subscription group of this fixture's instances. */
    public String shareGroup() {
        return "g" + root.substring(5);
    }

    /** System property that hands a test's client-id prefix to an intake process it starts. */
    public static final String CLIENT_ID_PREFIX_PROPERTY = "sightline.test.client-id-prefix";

    // one prefix per test run: stable for the run (a restarted intake, even in a process of its own,
    // finds its session again), other than any concurrent run's on the shared broker (equal client
    // ids throw each other off)
    private static final String CLIENT_ID_PREFIX = System.getProperty(CLIENT_ID_PREFIX_PROPERTY,
            "t" + UUID.randomUUID().toString().substring(0, 6));

    /** The prefix of this run's MQTT client ids. */
    public static String clientIdPrefix() {
        return CLIENT_ID_PREFIX;
    }

    public static MqttClients clients(String url) {
        return new MqttClients(new MqttProperties(url, null, null, CLIENT_ID_PREFIX, Duration.ofSeconds(3), false));
    }

    /** A data source on this run's test database, optionally through another port (a proxy). */
    public static DataSource dataSource(int port) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(TestDatabase.get().jdbcUrl().replace(":5432/", ":" + port + "/"));
        ds.setUser(TestDatabase.get().user());
        ds.setConnectTimeout(2);
        ds.setSocketTimeout(10);
        return ds;
    }

    /** Starts an intake instance and waits until it is connected. */
    public ReadIntake startIntake(String brokerUrl, String instanceId, DataSource ds) {
        return startIntake(brokerUrl, properties(instanceId), ds);
    }

    /** Starts an intake instance with these settings and waits until it is connected. */
    public ReadIntake startIntake(String brokerUrl, IngestProperties properties, DataSource ds) {
        return startIntake(brokerUrl, properties, Peers.NONE, ds);
    }

    /** Starts an intake instance that also takes these peers' reads, and waits until it is connected. */
    public ReadIntake startIntake(String brokerUrl, IngestProperties properties, Peers peers, DataSource ds) {
        ReadIntake intake = new ReadIntake(clients(brokerUrl), properties, peers, ds, new EquipmentRegistry(ds, Duration.ZERO),
                new IntakeStats());
        intake.start();
        await().atMost(Duration.ofSeconds(10)).until(intake::isConnected);
        return intake;
    }

    public String readsTopic() {
        return root + "/units/" + unit + "/reads";
    }

    /** A valid read as JSON. */
    public String read(UUID readId, String plate, Instant capturedAt) {
        return String.format(Locale.ROOT, "{\"readId\":\"%s\",\"cameraId\":\"%s\",\"plate\":\"%s\",\"confidence\":0.93,"
                + "\"capturedAt\":\"%s\"}", readId, camera, plate, capturedAt);
    }

    public String read(UUID readId) {
        return read(readId, "AB12CDE", Instant.now());
    }

    /** A connected publisher (clean session, QoS 1). */
    public static MqttClient publisher(String url) throws MqttException {
        MqttClients clients = clients(url);
        MqttClient c = clients.newClient("pub-" + UUID.randomUUID().toString().substring(0, 8));
        MqttConnectionOptions o = clients.options(true, 0);
        o.setAutomaticReconnectDelay(1, 2);
        c.connect(o);
        return c;
    }

    /** Publishes at QoS 1 and returns once the broker has acknowledged, retrying across broker outages. */
    public static void publishReliably(MqttClient c, String topic, byte[] payload) {
        while (true) {
            try {
                MqttMessage m = new MqttMessage(payload);
                m.setQos(1);
                c.publish(topic, m);
                return;
            } catch (MqttException e) {
                await().atMost(Duration.ofSeconds(30)).until(c::isConnected);
            }
        }
    }

    public static void publish(MqttClient c, String topic, String payload) {
        publishReliably(c, topic, payload.getBytes(StandardCharsets.UTF_8));
    }

    /** Rows of {@code plate_read} for this fixture's unit. */
    public long storedRows() throws SQLException {
        return scalar("SELECT count(*) FROM plate_read WHERE unit_id = '" + unit + "'");
    }

    /** Distinct read ids of {@code plate_read} for this fixture's unit. */
    public long distinctReadIds() throws SQLException {
        return scalar("SELECT count(DISTINCT read_id) FROM plate_read WHERE unit_id = '" + unit + "'");
    }

    /** Dead letters on this fixture's topic root. */
    public long deadLetters() throws SQLException {
        return scalar("SELECT count(*) FROM dead_letter WHERE topic LIKE '" + root + "/%'");
    }

    public List<String> deadLetterReasons() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT reason FROM dead_letter WHERE topic LIKE '" + root + "/%' ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** True when every given read id is stored exactly once. */
    public long storedOf(List<UUID> ids) throws SQLException {
        try (Connection c = TestDatabase.get().connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM plate_read WHERE read_id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static long scalar(String sql) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
