package org.sightline.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;
import org.sightline.platform.audit.AuditLog;
import org.sightline.testing.TestDatabase;

/** {@code /api/cameras/{id}/compliance}: who may read and set it, what is refused, what is audited. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CameraComplianceApiTest implements SightlineTestProperties {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    UserService users;

    @Inject
    AuditLog audit;

    @BeforeAll
    void estateAndUsers() throws SQLException {
        TestUsers.createAll(users);
        users.createOrReplace("admin-covert", TestUsers.PASSWORD, EnumSet.of(Role.ADMIN), true);
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("""
                    INSERT INTO geo_roadside_unit (id, name, status, source, geom)
                    VALUES ('U-CMP', 'Compliance unit', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))
                    ON CONFLICT DO NOTHING""");
            st.executeUpdate("""
                    INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees,
                                            horizontal_fov_degrees, resolution, status, source, geom) VALUES
                      ('CAM-CMP-1', 'U-CMP', 'CCTV', 'OVERT', 6, 90, 60, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                      ('CAM-CMP-2', 'U-CMP', 'ANPR', 'COVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326)),
                      ('CAM-CMP-3', 'U-CMP', 'CCTV', 'OVERT', 6, 90, 60, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))
                    ON CONFLICT DO NOTHING""");
        }
    }

    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    /** A bearer token per user, made once (each login costs a bcrypt check). */
    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> http.toBlocking().retrieve(HttpRequest.POST("/api/token",
                Map.of("username", u, "password", TestUsers.PASSWORD)), Map.class).get("access_token").toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String user, String camera) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/cameras/" + camera + "/compliance").bearerAuth(token(user)), Map.class);
    }

    /** Status, content type and body (the problem document on failure). */
    private record Reply(int code, String contentType, String body) { }

    private Reply put(String user, String camera, String json) {
        HttpResponse<?> r;
        String body;
        try {
            HttpResponse<String> ok = http.toBlocking().exchange(HttpRequest.PUT("/api/cameras/" + camera + "/compliance", json)
                    .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(token(user)), Argument.STRING, Argument.STRING);
            r = ok;
            body = ok.body();
        } catch (HttpClientResponseException e) {
            r = e.getResponse();
            body = e.getResponse().getBody(String.class).orElse("");
        }
        return new Reply(r.code(), r.getContentType().map(MediaType::toString).orElse(""), body);
    }

    private int status(String user, HttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(((MutableHttpRequest<?>) request).bearerAuth(token(user)), Argument.STRING, Argument.STRING).code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    private List<String> trail(String target) {
        List<String> out = new ArrayList<>();
        audit.forEach(e -> {
            if (e.event().target().equals(target)) {
                out.add(e.event().actor() + " " + e.event().action() + " " + e.event().details());
            }
        });
        return out;
    }

    @Test
    void anAdministratorRecordsPurposeAndSignageAndASupervisorReadsThem() {
        Reply created = put("admin", "CAM-CMP-1", """
                {"purpose":"Town centre anti-social behaviour","signage":"Signs at both ends of Church Street",
                 "dpiaReference":"DPIA-2026-014","reviewedOn":"2026-01-15"}""");
        assertThat(created.code()).isEqualTo(200);
        Map<String, Object> seen = get("supervisor", "CAM-CMP-1");
        assertThat(seen).containsEntry("recorded", true).containsEntry("purpose", "Town centre anti-social behaviour")
                .containsEntry("signage", "Signs at both ends of Church Street").containsEntry("dpiaReference", "DPIA-2026-014")
                .containsEntry("reviewedOn", "2026-01-15").containsEntry("updatedBy", "admin").containsEntry("deployment", "OVERT");

        assertThat(put("admin", "CAM-CMP-1", "{\"purpose\":\"Town centre ASB and night-time economy\",\"signage\":\"\"}").code())
                .isEqualTo(200);
        assertThat(get("supervisor", "CAM-CMP-1")).containsEntry("signage", "").containsEntry("reviewedOn", null);

        assertThat(trail("CAM-CMP-1")).hasSize(2);
        assertThat(trail("CAM-CMP-1").get(0)).startsWith("admin camera.compliance.create {\"before\":null,\"after\":{\"purpose\":\"Town centre anti-social behaviour\"");
        assertThat(trail("CAM-CMP-1").get(1)).startsWith("admin camera.compliance.change {\"before\":{\"purpose\":\"Town centre anti-social behaviour\"")
                .contains("\"after\":{\"purpose\":\"Town centre ASB and night-time economy\",\"signage\":\"\"");
    }

    @Test
    void aCameraWithoutARecordSaysSo() {
        assertThat(get("admin", "CAM-CMP-3")).containsEntry("recorded", false).containsEntry("purpose", "")
                .containsEntry("unitId", "U-CMP").containsEntry("kind", "CCTV");
    }

    @Test
    void badRecordsAreRefusedWithAProblemAndChangeNothing() {
        put("admin", "CAM-CMP-3", "{\"purpose\":\"Car park vehicle crime\"}");
        int trailBefore = trail("CAM-CMP-3").size();
        String tooLong = "x".repeat(501);
        for (String[] bad : new String[][] {
                {"{\"signage\":\"Signs\"}", "purpose is required"},
                {"{\"purpose\":\"  \"}", "purpose is required"},
                {"{\"purpose\":\"Car park\",\"signage\":\"" + tooLong + "\"}", "signage must be at most 500 characters"},
                {"{\"purpose\":\"Car park\",\"reviewedOn\":\"15/01/2026\"}", "reviewedOn must be a date as YYYY-MM-DD"},
                {"{\"purpose\":\"Car park\",\"reviewedOn\":\"" + LocalDate.now().plusDays(30) + "\"}", "is in the future"},
                {"{\"purpose\":\"Car\\u0000park\"}", "must not contain control characters"}}) {
            Reply r = put("admin", "CAM-CMP-3", bad[0]);
            assertThat(r.code()).as(bad[0]).isEqualTo(400);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.body()).as(bad[0]).contains(bad[1]).doesNotContain("Exception");
        }
        assertThat(put("admin", "CAM-CMP-3", "{\"purpose\":").code()).isEqualTo(400);
        assertThat(get("admin", "CAM-CMP-3")).containsEntry("purpose", "Car park vehicle crime");
        assertThat(trail("CAM-CMP-3")).hasSize(trailBefore);
    }

    @Test
    void onlyAdministratorsSetAndOnlySupervisorsAndAdministratorsRead() {
        String body = "{\"purpose\":\"Should not be stored\"}";
        assertThat(status("supervisor", HttpRequest.PUT("/api/cameras/CAM-CMP-3/compliance", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE))).isEqualTo(403);
        assertThat(status("engineer", HttpRequest.PUT("/api/cameras/CAM-CMP-3/compliance", body)
                .contentType(MediaType.APPLICATION_JSON_TYPE))).isEqualTo(403);
        assertThat(status("operator", HttpRequest.GET("/api/cameras/CAM-CMP-3/compliance"))).isEqualTo(403);
        assertThat(status("planner", HttpRequest.GET("/api/cameras/compliance"))).isEqualTo(403);
        assertThat(get("admin", "CAM-CMP-3").get("purpose")).isNotEqualTo("Should not be stored");
    }

    @Test
    void covertCamerasExistOnlyForClearedUsers() {
        assertThat(status("admin", HttpRequest.GET("/api/cameras/CAM-CMP-2/compliance"))).isEqualTo(404);
        assertThat(put("admin", "CAM-CMP-2", "{\"purpose\":\"Organised crime route\"}").code()).isEqualTo(404);
        assertThat(put("admin-covert", "CAM-CMP-2", "{\"purpose\":\"Organised crime route\"}").code()).isEqualTo(200);
        assertThat(get("admin-covert", "CAM-CMP-2")).containsEntry("purpose", "Organised crime route");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> uncleared = http.toBlocking().retrieve(HttpRequest.GET("/api/cameras/compliance")
                .bearerAuth(token("supervisor")), Argument.listOf(Argument.mapOf(String.class, Object.class)))
                .stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(uncleared).extracting(m -> m.get("cameraId")).contains("CAM-CMP-1", "CAM-CMP-3").doesNotContain("CAM-CMP-2");
        List<Map<String, Object>> cleared = http.toBlocking().retrieve(HttpRequest.GET("/api/cameras/compliance")
                .bearerAuth(token("admin-covert")), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        assertThat(cleared).extracting(m -> m.get("cameraId")).contains("CAM-CMP-2");
    }

    @Test
    void anUnknownCameraIsNotFound() {
        assertThat(status("admin", HttpRequest.GET("/api/cameras/NO-SUCH-CAM/compliance"))).isEqualTo(404);
        assertThat(put("admin", "NO-SUCH-CAM", "{\"purpose\":\"Anything\"}").code()).isEqualTo(404);
    }
}
