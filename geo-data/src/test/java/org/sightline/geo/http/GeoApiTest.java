package org.sightline.geo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.demo.DemoAreaLoader;
import org.sightline.testing.TestDatabase;

/**
 * The GeoJSON API over the packaged Knowsley demo area. Access control is the app's (one policy
 * table); here security is off so the resources themselves are tested.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeoApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DemoAreaLoader demo;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(TestDatabase.get().micronautProperties());
        p.put("micronaut.security.enabled", "false");
        p.put("micronaut.server.port", "-1");
        return p;
    }

    @BeforeAll
    void loadDemo() {
        demo.load("knowsley");
    }

    private JsonNode get(String uri) throws Exception {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET(uri), String.class);
        assertThat(r.getContentType().orElseThrow().toString()).isEqualTo("application/geo+json");
        JsonNode body = json.readTree(r.body());
        assertThat(body.path("type").asText()).isEqualTo("FeatureCollection");
        return body.path("features");
    }

    @Test
    void bboxNarrowsTheCandidateSites() throws Exception {
        JsonNode all = get("/api/geo/candidates");
        // Kirkby, the north of the borough
        JsonNode kirkby = get("/api/geo/candidates?bbox=-2.92,53.47,-2.84,53.51");
        assertThat(kirkby.size()).isGreaterThan(0).isLessThan(all.size());
        for (JsonNode f : kirkby) {
            double lat = f.path("geometry").path("coordinates").get(1).asDouble();
            assertThat(lat).isBetween(53.47, 53.51);
        }
    }

    @Test
    void camerasWithoutClearanceLeaveOutCovertOnes() throws Exception {
        JsonNode cameras = get("/api/geo/cameras");
        assertThat(cameras.size()).isBetween(40, 52);
        for (JsonNode f : cameras) {
            assertThat(f.path("properties").path("deployment").asText()).isEqualTo("overt");
        }
        assertThat(get("/api/geo/units").size()).isBetween(10, 14);
    }

    @Test
    void camerasAgainstABoundaryCarryTheirRouteAndFacing() throws Exception {
        JsonNode cameras = get("/api/geo/cameras?boundary=E08000011");
        for (JsonNode f : cameras) {
            JsonNode p = f.path("properties");
            if (p.path("kind").asText().equals("ANPR")) {
                assertThat(p.path("facing").asText()).as(p.toString()).isEqualTo("inbound");
                assertThat(p.path("route_distance_metres").asDouble()).isLessThanOrEqualTo(30.0);
            } else {
                assertThat(p.path("facing").asText()).isIn("inbound", "outbound", "undetermined", "off_route");
            }
        }
    }

    @Test
    void arterialsCarryTheirRouteNameAndCrossingsAreComputed() throws Exception {
        JsonNode arterials = get("/api/geo/arterials");
        assertThat(arterials.findValuesAsText("route")).contains("A580 East Lancashire Road");
        JsonNode crossings = get("/api/geo/crossings?boundary=E08000011");
        assertThat(crossings.findValuesAsText("road_number")).contains("M57", "M62");
        assertThat(get("/api/geo/boundaries?bbox=-2.9,53.4,-2.8,53.5").size()).isEqualTo(1);
        assertThat(get("/api/geo/roads?bbox=-2.9,53.4,-2.8,53.5").size()).isGreaterThan(10);
    }

    @Test
    void badBboxIsAClearProblemNotAStackTrace() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/geo/cameras?bbox=-2.9,53.4,abc,53.5"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(400);
                    String body = e.getResponse().getBody(String.class).orElseThrow();
                    assertThat(body).contains("\"detail\":\"bbox value 'abc' is not a number\"").doesNotContain("Exception");
                });
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/geo/roads"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/geo/crossings?boundary=NOPE"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }
}
