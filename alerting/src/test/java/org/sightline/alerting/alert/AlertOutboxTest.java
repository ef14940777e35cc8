package org.sightline.alerting.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.alerting.read.domain.IncomingRead;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.testing.StoredReads;
import org.sightline.testing.TestDatabase;

/**
 * MQTT out is an outbox: alerts committed by a process that does not publish (this test's own
 * context is configured like the command line: {@code listen: false}) or by a service that died
 * before publishing are published by a running service, once, in order, however many instances run.
 * The services are started here as separate application contexts on the same database and broker.
 */
@MicronautTest(transactional = false)
@TestInstance(PER_CLASS)
class AlertOutboxTest implements TestPropertyProvider {

    static final String ROOT = "test-outbox-" + UUID.randomUUID().toString().substring(0, 8);
    static final Pattern EVENT = Pattern.compile("\"alertId\":(\\d+),\"eventId\":(\\d+),\"kind\":\"([a-z]+)\"");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AlertEngine engine;

    @Inject
    MqttClients clients;

    MqttClient control;
    /** Every message received: topic, alert id, event id, kind. */
    final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String topic, long alertId, long eventId, String kind) {
    }

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @BeforeAll
    void listAndControlRoom() throws Exception {
        http.toBlocking().exchange(HttpRequest.PUT("/api/hotlists/outbox",
                        "{\"name\":\"Outbox test\",\"kind\":\"STOLEN\",\"scope\":\"ANYWHERE\"}")
                .contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
        control = clients.newClient("test-outbox-control-" + UUID.randomUUID());
        control.connect(clients.options(true, 0));
        control.subscribe(new MqttSubscription[] {new MqttSubscription(ROOT + "/alerts/+", 1)},
                new IMqttMessageListener[] {(topic, m) -> {
                    Matcher x = EVENT.matcher(new String(m.getPayload(), StandardCharsets.UTF_8));
                    if (x.find()) {
                        received.add(new Received(topic, Long.parseLong(x.group(1)), Long.parseLong(x.group(2)), x.group(3)));
                    }
                }});
    }

    @AfterAll
    void close() throws Exception {
        control.disconnect();
    }

    /** A running alerting service: MQTT in and out on {@link #ROOT}; woken only by NOTIFY (the poll is 10 minutes). */
    ApplicationContext service(String instance) {
        Map<String, Object> p = new HashMap<>(TestDatabase.get().micronautProperties());
        p.put("sightline.alerting.listen", "true");
        p.put("sightline.alerting.topic-root", ROOT);
        p.put("sightline.alerting.instance-id", instance + "-" + UUID.randomUUID().toString().substring(0, 8));
        p.put("sightline.alerting.outbox-poll", "10m");
        p.put("micronaut.server.enabled", "false");
        return ApplicationContext.builder().environments("test").properties(p).start();
    }

    void addEntry(String plate, int priority) {
        http.toBlocking().exchange(HttpRequest.POST("/api/hotlists/entries", "{\"list\":\"outbox\",\"plate\":\"" + plate
                        + "\",\"reason\":\"test\",\"priority\":" + priority + "}")
                .contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
    }

    /** A live read of the plate, committed as an alert by this (non-publishing) process; returns the alert id. */
    long liveAlert(String plate) throws Exception {
        return engine.process(List.of(new IncomingRead(UUID.randomUUID(), "U1", "CAM-X", plate, plate, 0.9, Instant.now(),
                Optional.empty(), Optional.empty(), List.of())), false).get(0).alertId();
    }

    /** The alert's "created" or "historic" event: id, and whether it still waits for MQTT. */
    long[] openingEvent(long alertId) throws Exception {
        try (Connection c = TestDatabase.get().connect(); PreparedStatement st = c.prepareStatement(
                "SELECT id, CASE WHEN mqtt_pending THEN 1 ELSE 0 END FROM alert_event WHERE alert_id = ?"
                        + " AND kind IN ('created', 'historic')")) {
            st.setLong(1, alertId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    List<Received> receivedFor(long alertId) {
        return received.stream().filter(r -> r.alertId() == alertId).toList();
    }

    void storedRead(String plate, Instant at) throws Exception {
        StoredReads.insert(plate, at);
    }

    @Test
    void aHistoricHitCommittedByAnotherProcessIsPublishedByTheRunningService() throws Exception {
        try (ApplicationContext service = service("s1")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> service.getBean(AlertOutbox.class).drains() > 0);
            storedRead("HX21OBA", Instant.now().minus(5, ChronoUnit.DAYS));
            // the new entry's retro-match runs in this process, which publishes nothing itself
            addEntry("HX21OBA", 65);
            await().atMost(Duration.ofSeconds(15)).until(() -> received.stream().anyMatch(r -> r.kind().equals("historic")
                    && r.topic().equals(ROOT + "/alerts/65")));
            long alertId = received.stream().filter(r -> r.topic().equals(ROOT + "/alerts/65")).findFirst().orElseThrow().alertId();
            await().atMost(Duration.ofSeconds(10)).until(() -> openingEvent(alertId)[1] == 0);
        }
    }

    @Test
    void anAlertCommittedBeforeACrashIsPublishedOnceAfterTheRestart() throws Exception {
        addEntry("CR21ASH", 55);
        addEntry("CR21ASK", 55);
        // committed, and then the process that committed it went away without publishing
        long alertId = liveAlert("CR21ASH");
        assertThat(openingEvent(alertId)[1]).isEqualTo(1);
        try (ApplicationContext first = service("r1")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(alertId).size() == 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> openingEvent(alertId)[1] == 0);
        }
        try (ApplicationContext second = service("r2")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> second.getBean(AlertOutbox.class).drains() > 0);
            // a later alert on the same topic: once it is here, anything the second service sent before it is too
            long marker = liveAlert("CR21ASK");
            await().atMost(Duration.ofSeconds(15)).until(() -> receivedFor(marker).size() == 1);
        }
        assertThat(receivedFor(alertId)).hasSize(1).first().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("created");
            assertThat(r.topic()).isEqualTo(ROOT + "/alerts/55");
        });
    }

    @Test
    void twoInstancesPublishEveryAlertOnceInEventOrder() throws Exception {
        List<String> plates = new ArrayList<>();
        for (int i = 10; i < 30; i++) {
            plates.add("TW" + i + "ENS");
            addEntry("TW" + i + "ENS", 45);
        }
        List<Long> alertIds = new ArrayList<>();
        try (ApplicationContext one = service("i1"); ApplicationContext two = service("i2")) {
            await().atMost(Duration.ofSeconds(10)).until(() -> one.getBean(AlertOutbox.class).drains() > 0
                    && two.getBean(AlertOutbox.class).drains() > 0);
            for (String plate : plates) {
                alertIds.add(liveAlert(plate)); // one transaction each: twenty notifications to both
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> alertIds.stream().allMatch(id -> !receivedFor(id).isEmpty()));
            for (long id : alertIds) {
                await().atMost(Duration.ofSeconds(10)).until(() -> openingEvent(id)[1] == 0);
            }
        }
        List<Received> ours = received.stream().filter(r -> alertIds.contains(r.alertId())).toList();
        assertThat(ours).extracting(Received::alertId).doesNotHaveDuplicates().hasSize(alertIds.size());
        assertThat(ours).extracting(Received::eventId).isSorted();
    }
}
