package org.sightline.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.app.security.adapter.http.AccountController;

/**
 * Hostile requests get a clear 4xx problem, leak nothing, change nothing, and leave the service up.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest implements SightlineTestProperties {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddedServer server;

    @Inject
    UserService users;

    private String adminToken;

    @BeforeAll
    void tokens() {
        TestUsers.createAll(users);
        adminToken = http.toBlocking().retrieve(HttpRequest.POST("/api/token",
                Map.of("username", "admin", "password", TestUsers.PASSWORD)), AccountController.TokenResponse.class).access_token();
    }

    private HttpResponse<String> send(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
        } catch (HttpClientResponseException e) {
            @SuppressWarnings("unchecked")
            HttpResponse<String> r = (HttpResponse<String>) e.getResponse();
            return r;
        }
    }

    private static String body(HttpResponse<String> r) {
        return r.getBody(String.class).orElse("");
    }

    private void assertServiceUp() {
        assertThat(http.toBlocking().retrieve("/health")).contains("UP");
    }

    private static void assertProblem(HttpResponse<String> r, String what) {
        assertThat(r.code()).as(what).isEqualTo(400);
        assertThat(r.getContentType()).as(what).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat(body(r)).as(what).contains("\"status\":400").contains("\"detail\":\"")
                .doesNotContain("Exception").doesNotContain("at io.").doesNotContain("org.sightline");
    }

    @Test
    void oversizeBodyIsA400ProblemThatStatesTheLimitAndChangesNothing() {
        String huge = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        HttpResponse<String> r = send(HttpRequest.POST("/api/token", huge).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertProblem(r, "oversize login");
        assertThat(body(r)).contains("at most 1 MB (1048576 bytes)").contains("\"maxRequestBytes\":1048576");
        String before = body(send(HttpRequest.GET("/api/hotlists").bearerAuth(adminToken)));
        StringBuilder csv = new StringBuilder("list,plate,reason,priority\n");
        for (int i = 0; csv.length() < 1_200_000; i++) {
            csv.append("big,AB").append(10 + i % 80).append("CDE,test,50\n");
        }
        assertProblem(send(HttpRequest.PUT("/api/hotlists/big", "{\"name\":\"Big\",\"kind\":\"STOLEN\"}" + " ".repeat(1_100_000))
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(adminToken)), "oversize hotlist");
        assertProblem(send(HttpRequest.POST("/api/hotlists/import", csv.toString()).contentType("text/csv")
                .bearerAuth(adminToken)), "oversize import");
        assertThat(body(send(HttpRequest.GET("/api/hotlists").bearerAuth(adminToken)))).isEqualTo(before);
        assertServiceUp();
    }

    @Test
    void wronglyTypedBodiesAre400ProblemsAndChangeNothing() {
        String before = body(send(HttpRequest.GET("/api/hotlists").bearerAuth(adminToken)));
        Map<String, MutableHttpRequest<?>> requests = Map.of(
                "hotlist", HttpRequest.PUT("/api/hotlists/typed", "{\"name\":5,\"kind\":[\"STOLEN\"],\"covert\":\"maybe\"}"),
                "entry", HttpRequest.POST("/api/hotlists/entries", "{\"list\":\"typed\",\"plate\":[\"AB12CDE\"],\"priority\":\"high\"}"),
                "plan", HttpRequest.POST("/api/plans", "{\"boundary\":\"E08000011\",\"cameras\":\"many\",\"budgetGbp\":{}}"),
                "compliance", HttpRequest.PUT("/api/cameras/CAM-1/compliance", "{\"purpose\":[1,2],\"signage\":\"yes-ish\"}"));
        requests.forEach((what, request) -> assertProblem(send(request.contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(adminToken)), what));
        assertThat(body(send(HttpRequest.GET("/api/hotlists").bearerAuth(adminToken)))).isEqualTo(before);
        assertServiceUp();
    }

    @Test
    void malformedAndWronglyTypedJsonGets400WithoutInternals() {
        for (String payload : new String[] {"{", "[1,2,3]", "{\"username\": {\"$ne\": 1}, \"password\": []}", "\u0000\u0001garbage",
                "{\"username\":\"admin\",\"password\":\"" + "\\ud800" + "\"}"}) {
            HttpResponse<String> r = send(HttpRequest.POST("/api/token", payload).contentType(MediaType.APPLICATION_JSON_TYPE));
            assertThat(r.code()).as(payload).isBetween(400, 401);
            assertThat(body(r)).doesNotContain("Exception").doesNotContain("at io.").doesNotContain("org.sightline");
        }
        assertServiceUp();
    }

    @Test
    void injectionInQueryParametersIsRefusedOrHarmless() {
        for (String bbox : new String[] {"1;DROP TABLE geo_camera", "1,2,3,4' OR '1'='1", "NaN,NaN,NaN,NaN", "1e999,0,1,1"}) {
            HttpResponse<String> r = send(HttpRequest.GET("/api/geo/cameras?bbox=" + java.net.URLEncoder.encode(bbox, StandardCharsets.UTF_8))
                    .bearerAuth(adminToken));
            assertThat(r.code()).as(bbox).isEqualTo(400);
            assertThat(body(r)).doesNotContain("Exception").doesNotContain("SQL");
        }
        assertThat(send(HttpRequest.GET("/api/geo/cameras").bearerAuth(adminToken)).code()).isEqualTo(200);
    }

    @Test
    void pathTraversalReachesNoFileOutsideTheStaticFolders() throws Exception {
        for (String path : new String[] {"/assets/../application.yml", "/assets/..%2f..%2fapplication.yml",
                "/webjars/..%2f..%2f..%2fapplication.yml", "/assets/%2e%2e/%2e%2e/logback.xml", "/assets/....//application.yml"}) {
            String raw = rawGet(path);
            assertThat(raw).as(path).doesNotContain("datasources").doesNotContain("<configuration>");
            assertThat(raw.substring(0, raw.indexOf('\r'))).as(path).doesNotContain(" 200 ");
        }
        assertServiceUp();
    }

    /** A GET written on the socket as is, so that no client normalises the path first. */
    private String rawGet(String path) throws Exception {
        try (Socket s = new Socket(server.getHost(), server.getPort())) {
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
