package org.sightline.app.planner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.app.security.adapter.http.AccountController;
import org.sightline.app.security.domain.Role;

/**
 * Building footprints uploaded through the running service as the page does (multipart, with the
 * service's own request limits): a neighbourhood's worth of footprints is accepted, a file over the
 * service's 1 MB request limit is refused with a 400 problem stating the limit (the page then points to
 * {@code sightline plan buildings FILE}), and only planners may upload.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildingLayerUploadTest implements SightlineTestProperties {

    @Inject
    UserService users;

    @Inject
    @Client("/")
    HttpClient client;

    private final ObjectMapper json = new ObjectMapper();
    private String planner;
    private String operator;

    @BeforeAll
    void tokens() {
        TestUsers.createAll(users);
        planner = token(Role.PLANNER);
        operator = token(Role.OPERATOR);
    }

    private String token(Role role) {
        return client.toBlocking().retrieve(HttpRequest.POST("/api/token",
                Map.of("username", TestUsers.nameOf(role), "password", TestUsers.PASSWORD)),
                AccountController.TokenResponse.class).access_token();
    }

    /** {@code n} 12 m × 8 m footprints on a grid 30 m apart near Huyton, as GeoJSON. */
    private static byte[] town(int n) {
        StringBuilder sb = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < n; i++) {
            double lon = -2.85 + (i % 100) * 0.00045;
            double lat = 53.41 + (i / 100) * 0.00027;
            double dx = 0.00018;
            double dy = 0.00007;
            sb.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "{\"type\":\"Feature\",\"properties\":"
                    + "{\"building\":\"house\",\"osm_id\":%d},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],"
                    + "[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}}", i, lon, lat, lon + dx, lat, lon + dx, lat + dy,
                    lon, lat + dy, lon, lat));
        }
        return sb.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> upload(String bearer, byte[] file) {
        MultipartBody body = MultipartBody.builder().addPart("file", "town.geojson", MediaType.of("application/geo+json"), file)
                .build();
        return client.toBlocking().exchange(HttpRequest.POST("/api/planning/building-layers", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(bearer), String.class);
    }

    @Test
    void aNeighbourhoodsWorthOfFootprintsUploadsInOneGo() throws Exception {
        byte[] file = town(3_000);
        assertThat(file.length).isBetween(500_000, 1_000_000);
        HttpResponse<String> r = upload(planner, file);
        assertThat(r.getStatus().getCode()).isEqualTo(201);
        JsonNode layer = json.readTree(r.body());
        assertThat(layer.path("footprints").asInt()).isEqualTo(3_000);
        assertThat(layer.path("createdBy").asText()).isEqualTo(TestUsers.nameOf(Role.PLANNER));
    }

    @Test
    void aFileOverTheRequestLimitIsRefusedWithAProblemStatingTheLimit() {
        byte[] file = town(6_000);
        assertThat(file.length).isGreaterThan(1_100_000);
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> upload(planner, file));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getBody(String.class)).hasValueSatisfying(b -> assertThat(b).contains("\"maxRequestBytes\":1048576"));
    }

    @Test
    void onlyPlannersMayUploadBuildings() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> upload(operator, town(3)));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
    }
}
