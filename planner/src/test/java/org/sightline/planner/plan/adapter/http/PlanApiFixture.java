package org.sightline.planner.plan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.LonLat;
import org.sightline.testing.TestDatabase;

/**
 * What the planning API tests share: the service's settings, crimes written at a chosen place, and
 * the calls with their expected answers (a plan created, a request refused with a problem).
 */
final class PlanApiFixture {

    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    PlanApiFixture(HttpClient http) {
        this.http = http;
    }

    /**
     * This run's database, on a random port, with security off: access control is the app's policy
     * table, tested there; here the resources themselves are tested.
     */
    static Map<String, String> properties() {
        Map<String, String> p = new HashMap<>(TestDatabase.get().micronautProperties());
        p.put("micronaut.security.enabled", "false");
        p.put("micronaut.server.port", "-1");
        return p;
    }

    /** A police.uk-like record of one crime of {@code type} in {@code month} at {@code at}, in a Knowsley LSOA. */
    static CrimeRecord crime(String type, YearMonth month, LonLat at) {
        return new CrimeRecord("", month, "Test", type, at, "On or near Test Street", "E01000001", "Knowsley 001A", "");
    }

    /** Posts {@code body} to {@code /api/plans}, asserts 201 and returns the plan. */
    JsonNode createPlan(String body) throws Exception {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/api/plans", body), String.class);
        assertThat(r.getStatus().getCode()).isEqualTo(201);
        return json.readTree(r.body());
    }

    /** Posts {@code body} to {@code /api/plans}, asserts it is refused as {@link #problem(Runnable)} does, and returns the problem. */
    JsonNode refusedPlan(String body) throws Exception {
        return problem(() -> http.toBlocking().exchange(HttpRequest.POST("/api/plans", body), String.class));
    }

    /** Makes the call, asserts a 400 answer as problem JSON (RFC 9457) and returns the problem. */
    JsonNode problem(Runnable call) throws Exception {
        HttpClientResponseException e = catchThrowableOfType(HttpClientResponseException.class, call::run);
        assertThat(e).as("a 400 answer").isNotNull();
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        assertThat(e.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        JsonNode p = json.readTree(e.getResponse().getBody(String.class).orElseThrow());
        assertThat(p.path("status").asInt()).isEqualTo(400);
        return p;
    }

    /** The {@code detail} of the problem {@link #problem(Runnable)} asserts. */
    String problemDetail(Runnable call) throws Exception {
        return problem(call).path("detail").asText();
    }

    /** The HTTP status the call is answered with. */
    static int status(Runnable call) {
        try {
            call.run();
            return 200;
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }
}
