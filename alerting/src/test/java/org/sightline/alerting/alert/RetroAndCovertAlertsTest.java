package org.sightline.alerting.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.alerting.read.domain.IncomingRead;
import org.sightline.testing.StoredReads;
import org.sightline.testing.TestDatabase;

/** Historic hits from stored reads, and covert alerts kept from uncleared users. */
@MicronautTest(transactional = false)
@TestInstance(PER_CLASS)
class RetroAndCovertAlertsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AlertEngine engine;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @BeforeAll
    void lists() {
        put("/api/hotlists/wanted", "{\"name\":\"Wanted\",\"kind\":\"WANTED\",\"scope\":\"ANYWHERE\"}");
        put("/api/hotlists/intel", "{\"name\":\"Intelligence\",\"kind\":\"ORGANISED_CRIME\",\"scope\":\"ANYWHERE\",\"covert\":true}");
    }

    void put(String path, String body) {
        http.toBlocking().exchange(HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
    }

    void storedRead(String plate, Instant at) throws Exception {
        StoredReads.insert(plate, at);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> alerts(String user) {
        Object alerts = http.toBlocking().retrieve(HttpRequest.GET("/api/alerts?open=false")
                .basicAuth(user, "pw"), Map.class).get("alerts");
        return alerts == null ? List.of() : (List<Map<String, Object>>) alerts; // empty lists are left out
    }

    @Test
    void aNewEntryFindsItsReadsOfTheLastNinetyDaysAsHistoricHits() throws Exception {
        Instant now = Instant.now();
        storedRead("HT19RTO", now.minus(10, ChronoUnit.DAYS));
        storedRead("HTI9RTO", now.minus(3, ChronoUnit.DAYS));  // an OCR spelling of the same plate
        storedRead("HT19RTO", now.minus(120, ChronoUnit.DAYS)); // outside the access window
        storedRead("HT19RTD", now.minus(2, ChronoUnit.DAYS));  // a well-formed plate of its own: not bent
        http.toBlocking().exchange(HttpRequest.POST("/api/hotlists/entries",
                "{\"list\":\"wanted\",\"plate\":\"HT19RTO\",\"reason\":\"wanted on warrant\",\"priority\":75}")
                .contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alerts("operator").stream()
                .anyMatch(a -> "HT19RTO".equals(a.get("plate"))));
        List<Map<String, Object>> historic = alerts("operator").stream().filter(a -> "HT19RTO".equals(a.get("plate"))).toList();
        // each stored read is its own historic hit (they are not joined: they are evidence, not a live pursuit)
        assertThat(historic).hasSize(2).allSatisfy(a -> assertThat(a.get("historic")).isEqualTo(true));
        assertThat(historic).extracting(a -> a.get("explanation")).containsExactlyInAnyOrder("exact",
                "fuzzy: I→1 at position 3 (only digits there)");
    }

    @Test
    void covertAlertsAreSeenOnlyByClearedUsers() throws Exception {
        http.toBlocking().exchange(HttpRequest.POST("/api/hotlists/entries",
                "{\"list\":\"intel\",\"plate\":\"CV55ERT\",\"reason\":\"OCG vehicle\",\"priority\":95}")
                .contentType(MediaType.APPLICATION_JSON).basicAuth("supervisor", "pw"));
        engine.process(List.of(new IncomingRead(UUID.randomUUID(), "U1", "CAM-X", "CV55ERT", "CV55 ERT", 0.9, Instant.now(),
                Optional.empty(), Optional.empty(), List.of())), false);
        Map<String, Object> seen = alerts("supervisor").stream().filter(a -> "CV55ERT".equals(a.get("plate"))).findFirst()
                .orElseThrow();
        assertThat(seen.get("covert")).isEqualTo(true);
        assertThat(alerts("operator")).extracting(a -> a.get("plate")).doesNotContain("CV55ERT");
        long id = ((Number) seen.get("id")).longValue();
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/alerts/" + id).basicAuth("operator", "pw")))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/alerts/" + id + "/acknowledge", "")
                .basicAuth("operator", "pw")))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }
}
