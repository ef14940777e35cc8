package org.sightline.alerting.read.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.sse.SseClient;
import io.micronaut.http.sse.Event;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.alerting.alert.Escalation;
import org.sightline.alerting.alert.adapter.db.DbCameraSites;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.ChainedAuditEvent;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.testing.TestDatabase;
import reactor.core.publisher.Flux;

/**
 * Reads published on the real broker become alerts: arterial rule, explanation, joining,
 * lifecycle, escalation, the SSE stream with Last-Event-ID, MQTT out, and no read lost while
 * alerting is down.
 */
@MicronautTest(transactional = false)
@TestInstance(PER_CLASS)
class LiveAlertingTest implements TestPropertyProvider {

    static final String ROOT = "test-alerting-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    @Client("/")
    SseClient sse;

    @Inject
    MqttClients clients;

    @Inject
    ReadSubscriber subscriber;

    @Inject
    DbCameraSites sites;

    @Inject
    Escalation escalation;

    @Inject
    AuditLog audit;

    MqttClient unit;
    MqttClient control;
    final List<String> alertsOut = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDatabase.get().micronautProperties());
        p.put("sightline.alerting.listen", "true");
        p.put("sightline.alerting.topic-root", ROOT);
        p.put("sightline.alerting.instance-id", "t" + UUID.randomUUID().toString().substring(0, 8));
        p.put("sightline.alerting.join-window", "10m");
        return p;
    }

    @BeforeAll
    void estateListsAndClients() throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            // a square borough; the A580 crosses its eastern edge; one ANPR camera on it looking out
            // towards the edge (it reads vehicles coming in), one ANPR camera on a side street
            st.execute("INSERT INTO geo_boundary (code, name, source, geom) VALUES ('T1', 'Testborough', 'test',"
                    + " ST_Multi(ST_GeomFromText('POLYGON((-2.90 53.40, -2.80 53.40, -2.80 53.46, -2.90 53.46, -2.90 53.40))', 4326)))");
            st.execute("INSERT INTO geo_road_segment (id, road_class, road_number, name, direction, source, geom) VALUES"
                    + " ('r1', 'A_ROAD', 'A580', 'East Lancashire Road', 'BOTH', 'test',"
                    + " ST_GeomFromText('LINESTRING(-2.86 53.43, -2.74 53.43)', 4326))");
            st.execute("INSERT INTO geo_camera (id, kind, deployment, mount_height_metres, azimuth_degrees,"
                    + " horizontal_fov_degrees, resolution, status, source, geom) VALUES"
                    + " ('CAM-A580', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.81, 53.4301), 4326)),"
                    + " ('CAM-SIDE', 'ANPR', 'OVERT', 6, 0, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.455), 4326))");
        }
        sites.reload();
        put("/api/hotlists/stolen", "{\"name\":\"Stolen vehicles\",\"kind\":\"STOLEN\"}");
        put("/api/hotlists/asb", "{\"name\":\"Vehicle misuse\",\"kind\":\"LOCAL_ASB\",\"scope\":\"ANYWHERE\"}");
        addEntry("stolen", "AB10CDE", 80, "Do not stop; call the duty inspector");
        addEntry("stolen", "JN14ARS", 90, "Observe only");
        addEntry("asb", "KX05ABC", 40, "Note direction");
        addEntry("stolen", "DN70WNS", 60, "");
        addEntry("stolen", "EE22SCL", 85, "");
        addEntry("stolen", "LZ33TTT", 50, "");

        unit = clients.newClient("test-unit-" + UUID.randomUUID());
        unit.connect(clients.options(true, 0));
        control = clients.newClient("test-control-" + UUID.randomUUID());
        control.connect(clients.options(true, 0));
        control.subscribe(new MqttSubscription[] {new MqttSubscription(ROOT + "/alerts/+", 1)},
                new IMqttMessageListener[] {(topic, m) -> alertsOut.add(topic + " " + new String(m.getPayload(), StandardCharsets.UTF_8))});
    }

    @AfterAll
    void close() throws Exception {
        unit.disconnect();
        control.disconnect();
    }

    void put(String path, String body) {
        http.toBlocking().exchange(HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
    }

    void addEntry(String list, String plate, int priority, String instruction) {
        http.toBlocking().exchange(HttpRequest.POST("/api/hotlists/entries", "{\"list\":\"" + list + "\",\"plate\":\"" + plate
                + "\",\"reason\":\"test\",\"priority\":" + priority + ",\"instruction\":\"" + instruction + "\"}")
                .contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
    }

    String publish(String camera, String plate, Instant at) throws Exception {
        String id = UUID.randomUUID().toString();
        publishRaw("{\"readId\":\"" + id + "\",\"cameraId\":\"" + camera + "\",\"plate\":\"" + plate
                + "\",\"confidence\":0.88,\"capturedAt\":\"" + at + "\"}");
        return id;
    }

    void publishRaw(String json) throws Exception {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        unit.publish(ROOT + "/units/UNIT-1/reads", m);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> alerts(String user) {
        Map<String, Object> feed = http.toBlocking().retrieve(HttpRequest.GET("/api/alerts?open=false").basicAuth(user, "pw"),
                Map.class);
        return (List<Map<String, Object>>) feed.get("alerts");
    }

    Map<String, Object> alertFor(String plate) {
        return alerts("operator").stream().filter(a -> plate.equals(a.get("plate"))).findFirst().orElse(null);
    }

    @Test
    void fuzzyReadOnAnArterialCameraAlertsWithItsReasonAndPlace() throws Exception {
        publish("CAM-A580", "AB1O CDE", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> alertFor("AB10CDE") != null);
        Map<String, Object> a = alertFor("AB10CDE");
        assertThat(a.get("explanation")).isEqualTo("fuzzy: O→0 at position 4 (only digits there)");
        assertThat(a.get("place")).isEqualTo("A580 East Lancashire Road, inbound");
        assertThat(a.get("instruction")).isEqualTo("Do not stop; call the duty inspector");
        assertThat(a.get("state")).isEqualTo("NEW");
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOut.stream().anyMatch(s -> s.startsWith(ROOT + "/alerts/80 ")
                && s.contains("\"plate\":\"AB10CDE\"")));
    }

    @Test
    void readsIngestBridgedFromFrigateOrOpenAlprAlertToo() throws Exception {
        addEntry("stolen", "MA19XKT", 70, "");
        MqttMessage m = new MqttMessage(("[{\"readId\":\"" + UUID.randomUUID() + "\",\"cameraId\":\"CAM-A580\",\"plate\":\"MA19XKT\","
                + "\"confidence\":0.93,\"capturedAt\":\"" + Instant.now() + "\",\"imageRef\":\"frigate:depot/1795435194.08-q3bz1k\","
                + "\"alternatives\":[{\"plate\":\"MA19XKF\",\"confidence\":0.4}]}]").getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        unit.publish(ROOT + "/bridged/UNIT-1/reads", m);
        await().atMost(Duration.ofSeconds(10)).until(() -> alertFor("MA19XKT") != null);
        assertThat(alertFor("MA19XKT").get("place")).isEqualTo("A580 East Lancashire Road, inbound");
    }

    @Test
    void arterialOnlyListsIgnoreSideStreetsAnywhereListsDoNot() throws Exception {
        publish("CAM-SIDE", "JN14ARS", Instant.now());
        publish("CAM-SIDE", "KX05ABC", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> alertFor("KX05ABC") != null);
        assertThat(alertFor("KX05ABC").get("place")).isEqualTo("camera CAM-SIDE (off the arterial routes)");
        // both messages were processed in order: the first one produced nothing
        assertThat(alertFor("JN14ARS")).isNull();
    }

    @Test
    void repeatedSightingsJoinOneAlertAndRedeliveriesCountOnce() throws Exception {
        Instant t = Instant.now();
        String first = publish("CAM-A580", "DN70WNS", t);
        publish("CAM-A580", "DN7OWNS", t.plusSeconds(40));
        publishRaw("{\"readId\":\"" + first + "\",\"cameraId\":\"CAM-A580\",\"plate\":\"DN70WNS\",\"confidence\":0.88,"
                + "\"capturedAt\":\"" + t + "\"}");
        publish("CAM-SIDE", "EE22SCL", Instant.now()); // a marker: processed after the three above
        await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.processed() > 0 && alertFor("DN70WNS") != null
                && ((Number) alertFor("DN70WNS").get("sightings")).intValue() >= 2);
        assertThat(alerts("operator").stream().filter(a -> "DN70WNS".equals(a.get("plate")))).hasSize(1);
        assertThat(((Number) alertFor("DN70WNS").get("sightings")).intValue()).isEqualTo(2);
        Number id = (Number) alertFor("DN70WNS").get("id");
        Map<?, ?> detail = http.toBlocking().retrieve(HttpRequest.GET("/api/alerts/" + id).basicAuth("operator", "pw"), Map.class);
        assertThat((List<?>) detail.get("sightings")).hasSize(2);
    }

    @Test
    void operatorsAcknowledgeThenAcceptOrRejectWithAReason() throws Exception {
        publish("CAM-A580", "EE22SCL", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> alertFor("EE22SCL") != null);
        long id = ((Number) alertFor("EE22SCL").get("id")).longValue();
        assertThat(status(() -> post("/api/alerts/" + id + "/accept", ""))).isEqualTo(409);
        assertThat(((Map<?, ?>) post("/api/alerts/" + id + "/acknowledge", "")).get("state")).isEqualTo("ACKNOWLEDGED");
        assertThat(status(() -> post("/api/alerts/" + id + "/reject", "{\"reason\":\"OTHER\"}"))).isEqualTo(400);
        assertThat(status(() -> post("/api/alerts/" + id + "/reject", "{\"reason\":\"BORED\"}"))).isEqualTo(400);
        assertThat(status(() -> post("/api/alerts/" + id + "/reject", "{\"reason\":7}"))).isEqualTo(400);
        Map<?, ?> rejected = (Map<?, ?>) post("/api/alerts/" + id + "/reject",
                "{\"reason\":\"VEHICLE_DOES_NOT_MATCH\",\"note\":\"blue Fiesta, listed as a silver Golf\"}");
        assertThat(rejected.get("state")).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectReason")).isEqualTo("VEHICLE_DOES_NOT_MATCH");
        assertThat(rejected.get("decidedBy")).isEqualTo("operator");
        List<ChainedAuditEvent> trail = new ArrayList<>();
        audit.forEach(trail::add);
        assertThat(trail).extracting(e -> e.event().action()).contains("alert.acknowledge", "alert.reject");
        assertThat(status(() -> post("/api/alerts/" + id + "/acknowledge", ""))).isEqualTo(409);
    }

    @Test
    void unacknowledgedHighPriorityAlertsEscalate() throws Exception {
        publish("CAM-A580", "JN14ARS", Instant.now());
        await().atMost(Duration.ofSeconds(10)).until(() -> alertFor("JN14ARS") != null);
        assertThat(alertFor("JN14ARS").get("escalated")).isEqualTo(false);
        assertThat(escalation.escalateDue(Instant.now().plus(Duration.ofHours(1)))).isGreaterThanOrEqualTo(1);
        assertThat(alertFor("JN14ARS").get("escalated")).isEqualTo(true);
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsOut.stream().anyMatch(s -> s.contains("\"kind\":\"escalated\"")
                && s.contains("JN14ARS")));
    }

    @Test
    void theStreamResumesAfterTheLastEventItDelivered() throws Exception {
        Map<?, ?> feed = http.toBlocking().retrieve(HttpRequest.GET("/api/alerts").basicAuth("operator", "pw"), Map.class);
        long before = ((Number) feed.get("lastEventId")).longValue();
        publish("CAM-A580", "LZ33TTT", Instant.now());
        publish("CAM-A580", "LZ33TTT", Instant.now().plusSeconds(5));
        // a console that saw everything up to 'before' reconnects: it gets the two events after it
        List<Event<Map>> events = Flux.from(sse.eventStream(HttpRequest.GET("/api/alerts/stream").basicAuth("operator", "pw")
                        .header("Last-Event-ID", Long.toString(before)), Argument.of(Map.class)))
                .filter(e -> e.getData().get("alert") != null && "LZ33TTT".equals(((Map<?, ?>) e.getData().get("alert")).get("plate")))
                .take(2).collectList().block(Duration.ofSeconds(15));
        assertThat(events).extracting(Event::getName).containsExactly("created", "sighting");
        long firstId = Long.parseLong(events.get(0).getId());
        assertThat(firstId).isGreaterThan(before);
        // reconnecting after the first event gets the second one again, and not the first
        Event<Map> resumed = Flux.from(sse.eventStream(HttpRequest.GET("/api/alerts/stream").basicAuth("operator", "pw")
                        .header("Last-Event-ID", Long.toString(firstId)), Argument.of(Map.class)))
                .filter(e -> e.getData().get("alert") != null && "LZ33TTT".equals(((Map<?, ?>) e.getData().get("alert")).get("plate")))
                .blockFirst(Duration.ofSeconds(15));
        assertThat(resumed.getName()).isEqualTo("sighting");
        assertThat(Long.parseLong(resumed.getId())).isGreaterThan(firstId);
    }

    @Test
    void readsPublishedWhileAlertingIsDownAlertWhenItReturns() throws Exception {
        addEntry("stolen", "WD59OWN", 70, "");
        subscriber.stop();
        try {
            publish("CAM-A580", "WD59OWN", Instant.now());
            publish("CAM-A580", "WDS9OWN", Instant.now().plusSeconds(20));
        } finally {
            subscriber.start();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> alertFor("WD59OWN") != null
                && ((Number) alertFor("WD59OWN").get("sightings")).intValue() == 2);
    }

    Object post(String path, String body) {
        return http.toBlocking().retrieve(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_JSON)
                .basicAuth("operator", "pw"), Map.class);
    }

    static int status(java.util.concurrent.Callable<?> call) throws Exception {
        try {
            call.call();
            return 200;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
