package org.sightline.alerting.hotlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.alerting.hotlist.adapter.db.HotlistStore;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.ChainedAuditEvent;
import org.sightline.testing.TestDatabase;

@MicronautTest(transactional = false)
@TestInstance(PER_CLASS)
class HotlistApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    HotlistStore store;

    @Inject
    AuditLog audit;

    @Inject
    LiveHotlists live;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    static <T> MutableHttpRequest<T> as(String user, MutableHttpRequest<T> request) {
        return request.basicAuth(user, "pw");
    }

    @BeforeAll
    void lists() {
        put("/api/hotlists/stolen", "{\"name\":\"Stolen vehicles\",\"kind\":\"STOLEN\"}");
        put("/api/hotlists/asb", "{\"name\":\"Vehicle misuse\",\"kind\":\"local_asb\",\"scope\":\"ANYWHERE\"}");
        put("/api/hotlists/ocg", "{\"name\":\"Organised crime\",\"kind\":\"ORGANISED_CRIME\",\"covert\":true}");
    }

    void put(String path, String body) {
        http.toBlocking().exchange(as("supervisor", HttpRequest.PUT(path, body).contentType(MediaType.APPLICATION_JSON)));
    }

    @Test
    void importReportsEveryLineAndStoresTheValidOnes() {
        String past = Instant.now().minus(2, ChronoUnit.DAYS).toString();
        String csv = """
                list,plate,reason,priority,instruction,covert,source,valid_from,expires_at
                stolen,ab12 cde,Stolen from driveway,80,Observe only,,crime ref 123,,
                stolen,AB12_CDE,bad plate,50,,,,,
                stolen,AB-12-CDE,same plate again,60,,,,,
                asb,KX05ABC,Off-road use,40,,no,,,%s
                nosuch,KX05ABD,unknown list,40,,,,,
                asb,KX05ABE,priority too high,101,,,,,
                asb,KX05ABF,priority is a word,high,,,,,
                asb,KX05ABG,,40,,,,,
                ocg,YY66XYZ,"Linked to ""county lines"", supply",90,"Do not stop, inform DI",,intel,,
                asb,KX05ABH,too long,40,,,,2026-01-01,2099-01-01
                """.formatted(past);
        int auditBefore = auditCount();
        ImportReport report = http.toBlocking().retrieve(as("supervisor",
                HttpRequest.POST("/api/hotlists/import", csv).contentType("text/csv")), ImportReport.class);
        assertThat(report.imported()).isEqualTo(2);
        assertThat(report.refused()).isEqualTo(8);
        assertThat(report.lines()).extracting(ImportReport.LineReport::line)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(report.lines().get(0).imported()).isTrue();
        assertThat(report.lines().get(1).problems()).containsExactly("plate may hold only letters A-Z and digits, was 'AB12_CDE'");
        assertThat(report.lines().get(2).problems()).containsExactly("duplicate: AB12CDE is already on list 'stolen'");
        assertThat(report.lines().get(3).problems()).singleElement().asString().contains("is in the past");
        assertThat(report.lines().get(4).problems()).containsExactly("unknown list 'nosuch'");
        assertThat(report.lines().get(5).problems()).containsExactly("priority must be 0-100, was 101");
        assertThat(report.lines().get(6).problems()).containsExactly("priority must be a whole number 0-100, was 'high'");
        assertThat(report.lines().get(7).problems()).containsExactly("reason is missing");
        assertThat(report.lines().get(8).imported()).isTrue();
        assertThat(report.lines().get(9).problems()).singleElement().asString().contains("more than the maximum");

        List<HotlistEntry> stolen = store.entriesOf("stolen");
        assertThat(stolen).extracting(e -> e.plate().value()).contains("AB12CDE");
        HotlistEntry ocg = store.entriesOf("ocg").get(0);
        assertThat(ocg.reason()).isEqualTo("Linked to \"county lines\", supply");
        assertThat(ocg.instruction()).isEqualTo("Do not stop, inform DI");
        assertThat(ocg.expiresAt()).isEqualTo(ocg.validFrom().plus(30, ChronoUnit.DAYS));
        assertThat(auditCount()).isEqualTo(auditBefore + 1);
        assertThat(lastAudit().action()).isEqualTo("hotlist.import");
        assertThat(lastAudit().actor()).isEqualTo("supervisor");
        assertThat(live.match(org.sightline.alerting.match.domain.ReadCandidates.of("AB12CDE"), Instant.now()))
                .as("imported entries alert at once").hasSize(1);
    }

    @Test
    void badBodiesGetAProblemAndChangeNothing() {
        int before = store.livePlateKeys().size();
        int auditBefore = auditCount();
        List<String> bodies = List.of(
                "{\"list\":\"stolen\",\"plate\":\"ZZ11ZZZ\",\"reason\":\"r\",\"priority\":\"high\"}",
                "{\"list\":\"stolen\",\"plate\":[1,2],\"reason\":\"r\",\"priority\":5}",
                "not json",
                "[]",
                "{\"list\":\"stolen\",\"plate\":\"ZZ11ZZZ\",\"reason\":\"" + "x".repeat(20_000) + "\",\"priority\":5}",
                "{\"list\":\"stolen\",\"plate\":\"ZZ11ZZZ\",\"reason\":\"r\",\"priority\":500}",
                "{\"list\":\"stolen\",\"plate\":\"ZZ11ZZZ\",\"reason\":\"r\",\"priority\":5,\"expiresAt\":\"soon\"}");
        List<MutableHttpRequest<String>> requests = new java.util.ArrayList<>();
        bodies.forEach(b -> requests.add(HttpRequest.POST("/api/hotlists/entries", b).contentType(MediaType.APPLICATION_JSON)));
        // a file over the upload limit, with valid lines: refused whole
        StringBuilder big = new StringBuilder(String.join(",", org.sightline.alerting.hotlist.domain.EntryImport.COLUMNS) + "\n");
        for (int i = 0; big.length() <= 1 << 20; i++) {
            big.append(String.format("stolen,BG%02dAAA,a reason long enough to make the file big quickly %d,50,,,,,%n", i % 90, i));
        }
        requests.add(HttpRequest.POST("/api/hotlists/import", big.toString()).contentType("text/csv"));
        requests.add(HttpRequest.POST("/api/hotlists/import", "").contentType("text/csv"));
        requests.add(HttpRequest.POST("/api/hotlists/import", "plate,reason\nAB12CDE,r\n").contentType("text/csv"));
        for (MutableHttpRequest<String> request : requests) {
            String body = request.getBody().orElse("");
            assertThatThrownBy(() -> http.toBlocking().exchange(as("supervisor", request), String.class))
                    .as(body.length() > 80 ? body.substring(0, 80) : body)
                    .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                        assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.BAD_REQUEST.getCode());
                        assertThat(e.getResponse().getContentType()).hasValueSatisfying(
                                t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
                        Map<?, ?> problem = e.getResponse().getBody(Map.class).orElseThrow();
                        assertThat(problem.get("status")).isEqualTo(400);
                        assertThat((String) problem.get("detail")).isNotBlank().doesNotContain("Exception");
                    });
        }
        assertThat(store.livePlateKeys()).hasSize(before);
        assertThat(auditCount()).isEqualTo(auditBefore);
    }

    @Test
    void covertListsAndEntriesAreHiddenFromUncleardUsers() {
        HttpResponse<Map> created = http.toBlocking().exchange(as("supervisor", HttpRequest.POST("/api/hotlists/entries",
                "{\"list\":\"stolen\",\"plate\":\"CV11ERT\",\"reason\":\"covert interest\",\"priority\":70,\"covert\":true}")
                .contentType(MediaType.APPLICATION_JSON)), Map.class);
        assertThat(created.getStatus().getCode()).isEqualTo(HttpStatus.CREATED.getCode());
        assertThat(lastAudit().action()).isEqualTo("hotlist.entry.add");

        List<Map> operatorLists = http.toBlocking().retrieve(as("operator", HttpRequest.GET("/api/hotlists")),
                Argument.listOf(Map.class));
        assertThat(operatorLists).extracting(m -> m.get("code")).contains("stolen").doesNotContain("ocg");
        List<Map> supervisorLists = http.toBlocking().retrieve(as("supervisor", HttpRequest.GET("/api/hotlists")),
                Argument.listOf(Map.class));
        assertThat(supervisorLists).extracting(m -> m.get("code")).contains("stolen", "ocg");

        List<Map> seenByOperator = http.toBlocking().retrieve(as("operator",
                HttpRequest.GET("/api/hotlists/stolen/entries")), Argument.listOf(Map.class));
        assertThat(seenByOperator).extracting(m -> m.get("plate")).doesNotContain("CV11ERT");
        List<Map> seenBySupervisor = http.toBlocking().retrieve(as("supervisor",
                HttpRequest.GET("/api/hotlists/stolen/entries")), Argument.listOf(Map.class));
        assertThat(seenBySupervisor).extracting(m -> m.get("plate")).contains("CV11ERT");
        assertThatThrownBy(() -> http.toBlocking().exchange(as("operator", HttpRequest.GET("/api/hotlists/ocg/entries"))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
        assertThatThrownBy(() -> http.toBlocking().exchange(as("operator", HttpRequest.POST("/api/hotlists/entries",
                "{\"list\":\"stolen\",\"plate\":\"CV11ERU\",\"reason\":\"r\",\"priority\":70,\"covert\":true}")
                .contentType(MediaType.APPLICATION_JSON))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.FORBIDDEN.getCode()));
        // the operator cannot remove what they cannot see
        String id = (String) created.body().get("id");
        assertThatThrownBy(() -> http.toBlocking().exchange(as("operator", HttpRequest.DELETE("/api/hotlists/entries/" + id))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
    }

    @Test
    void removalIsAuditedAndStopsMatching() {
        HttpResponse<Map> created = http.toBlocking().exchange(as("supervisor", HttpRequest.POST("/api/hotlists/entries",
                "{\"list\":\"asb\",\"plate\":\"RM22VAL\",\"reason\":\"nuisance\",\"priority\":30}")
                .contentType(MediaType.APPLICATION_JSON)), Map.class);
        String id = (String) created.body().get("id");
        assertThat(live.match(org.sightline.alerting.match.domain.ReadCandidates.of("RM22VAL"), Instant.now())).hasSize(1);
        HttpResponse<?> removed = http.toBlocking().exchange(as("supervisor", HttpRequest.DELETE("/api/hotlists/entries/" + id)));
        assertThat(removed.getStatus().getCode()).isEqualTo(HttpStatus.NO_CONTENT.getCode());
        assertThat(lastAudit().action()).isEqualTo("hotlist.entry.remove");
        assertThat(lastAudit().target()).isEqualTo("asb:RM22VAL");
        assertThat(live.match(org.sightline.alerting.match.domain.ReadCandidates.of("RM22VAL"), Instant.now())).isEmpty();
        assertThatThrownBy(() -> http.toBlocking().exchange(as("supervisor", HttpRequest.DELETE("/api/hotlists/entries/" + id))))
                .isInstanceOfSatisfying(HttpClientResponseException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(HttpStatus.NOT_FOUND.getCode()));
    }

    int auditCount() {
        List<ChainedAuditEvent> all = new ArrayList<>();
        audit.forEach(all::add);
        return all.size();
    }

    org.sightline.platform.audit.domain.AuditEvent lastAudit() {
        List<ChainedAuditEvent> all = new ArrayList<>();
        audit.forEach(all::add);
        return all.get(all.size() - 1).event();
    }
}
