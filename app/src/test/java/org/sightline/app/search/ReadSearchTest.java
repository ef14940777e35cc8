package org.sightline.app.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.app.security.adapter.http.AccountController;
import org.sightline.app.security.domain.Role;
import org.sightline.platform.audit.AuditLog;
import org.sightline.testing.TestDatabase;

/** Read searches: purpose and reference required, fuzzy plates, the 90-day rule and supervisor approval. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadSearchTest implements SightlineTestProperties {

    private static final Instant NOW = Instant.now();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    private final Map<Role, String> tokens = new HashMap<>();

    @BeforeAll
    void setUp() throws SQLException {
        TestUsers.createAll(users);
        for (Role role : Role.values()) {
            tokens.put(role, http.toBlocking().retrieve(HttpRequest.POST("/api/token",
                    Map.of("username", TestUsers.nameOf(role), "password", TestUsers.PASSWORD)),
                    AccountController.TokenResponse.class).access_token());
        }
        insertRead("SQ26RCH", "CAM-SEARCH-1", NOW.minus(2, ChronoUnit.DAYS));
        insertRead("SQ26RCH", "CAM-SEARCH-2", NOW.minus(100, ChronoUnit.DAYS));
        insertRead("XW71YHY", "CAM-SEARCH-1", NOW.minus(3, ChronoUnit.DAYS));
    }

    private static void insertRead(String plate, String camera, Instant at) throws SQLException {
        try (Connection c = TestDatabase.get().connect()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT ingest_ensure_plate_read_partition(?)")) {
                ps.setObject(1, at.atOffset(ZoneOffset.UTC).toLocalDate());
                ps.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence,
                                            captured_at, received_at, late, position_from_camera, geom)
                    VALUES (?, 'U-SEARCH', ?, ?, ?, true, 0.9, ?, ?, false, true, ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))""")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, camera);
                ps.setString(3, plate);
                ps.setString(4, plate);
                ps.setTimestamp(5, Timestamp.from(at));
                ps.setTimestamp(6, Timestamp.from(at));
                ps.executeUpdate();
            }
        }
    }

    private static Map<String, Object> search(String plate, boolean fuzzy, int daysBack) {
        Map<String, Object> body = new HashMap<>();
        body.put("plate", plate);
        body.put("fuzzy", fuzzy);
        body.put("from", NOW.minus(daysBack, ChronoUnit.DAYS).toString());
        body.put("to", NOW.minus(daysBack - 30L, ChronoUnit.DAYS).toString());
        body.put("purpose", "Stolen vehicle enquiry, owner report");
        body.put("reference", "MP/2026/0042");
        return body;
    }

    private HttpResponse<Map> post(String path, Object body, Role role) {
        MutableHttpRequest<Object> request = HttpRequest.POST(path, body).bearerAuth(tokens.get(role));
        try {
            return http.toBlocking().exchange(request, Argument.of(Map.class), Argument.of(Map.class));
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<Map> r = (HttpResponse<Map>) e.getResponse();
            return r;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> reads(HttpResponse<Map> r) {
        assertThat(r.code()).as("status of %s", r.getBody(Map.class).orElse(Map.of())).isEqualTo(200);
        return (List<Map<String, Object>>) r.getBody(Map.class).orElseThrow().get("reads");
    }

    @Test
    void exactAndFuzzyPlateSearchWithinTheRoutineWindow() {
        HttpResponse<Map> exact = post("/api/reads/search", search("SQ26RCH", false, 10), Role.OPERATOR);
        assertThat(exact.code()).isEqualTo(200);
        assertThat(reads(exact)).extracting(m -> m.get("cameraId")).containsExactly("CAM-SEARCH-1");

        // S read as 5 and Q read as 0: a fuzzy search finds the stored plate, an exact one does not
        assertThat(reads(post("/api/reads/search", search("5026RCH", false, 10), Role.OPERATOR))).isEmpty();
        assertThat(reads(post("/api/reads/search", search("5026RCH", true, 10), Role.OPERATOR)))
                .extracting(m -> m.get("plate")).containsExactly("SQ26RCH");
    }

    @Test
    void purposeAndReferenceAreMandatory() {
        Map<String, Object> body = search("SQ26RCH", false, 10);
        body.remove("purpose");
        HttpResponse<Map> r = post("/api/reads/search", body, Role.OPERATOR);
        assertThat(r.code()).isEqualTo(400);
        assertThat(r.getBody(String.class).orElse(r.getBody(Map.class).map(Object::toString).orElse(""))).contains("purpose");
        body = search("SQ26RCH", false, 10);
        body.put("reference", "");
        assertThat(post("/api/reads/search", body, Role.OPERATOR).code()).isEqualTo(400);
    }

    @Test
    void hostileSearchFieldsAreRefusedAndChangeNothing() throws SQLException {
        Map<String, Object> body = search("AB'; DROP TABLE plate_read;--", false, 10);
        assertThat(post("/api/reads/search", body, Role.OPERATOR).code()).isEqualTo(400);
        body = search("SQ26RCH", false, 10);
        body.put("cameraId", "x' OR '1'='1");
        assertThat(post("/api/reads/search", body, Role.OPERATOR).code()).isEqualTo(400);
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("SELECT count(*) FROM plate_read WHERE unit_id = 'U-SEARCH'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(3);
        }
    }

    @Test
    void olderReadsNeedASupervisorsApprovalOfThatSearch() {
        Map<String, Object> old = search("SQ26RCH", false, 110);
        HttpResponse<Map> refused = post("/api/reads/search", old, Role.OPERATOR);
        assertThat(refused.code()).isEqualTo(403);

        HttpResponse<Map> requested = post("/api/reads/approvals", old, Role.OPERATOR);
        assertThat(requested.code()).isEqualTo(201);
        long id = ((Number) requested.getBody(Map.class).orElseThrow().get("id")).longValue();

        // an operator may not approve, and a supervisor may not approve their own request
        assertThat(post("/api/reads/approvals/" + id + "/approve", Map.of("note", "ok"), Role.OPERATOR).code()).isEqualTo(403);
        assertThat(post("/api/reads/approvals/" + id + "/approve", Map.of("note", "Proportionate: serious crime"), Role.SUPERVISOR).code())
                .isEqualTo(200);

        old.put("approvalId", id);
        HttpResponse<Map> found = post("/api/reads/search", old, Role.OPERATOR);
        assertThat(found.code()).as("%s", found.getBody(Map.class)).isEqualTo(200);
        assertThat(reads(found)).extracting(m -> m.get("cameraId")).containsExactly("CAM-SEARCH-2");

        // the approval covers that search only: another plate is still refused
        Map<String, Object> other = search("XW71YHY", false, 110);
        other.put("approvalId", id);
        assertThat(post("/api/reads/search", other, Role.OPERATOR).code()).isEqualTo(403);

        StringBuilder trail = new StringBuilder();
        audit.forEach(e -> trail.append(e.event().action()).append(' ').append(e.event().purpose()).append('\n'));
        assertThat(trail.toString()).contains("reads.search Stolen vehicle enquiry").contains("reads.approval.request")
                .contains("reads.approval.approve").contains("reads.search.refused");
    }
}
