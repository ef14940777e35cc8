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

    @Test
    void oversizeBodyIsRefusedWith413() {
        String huge = "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"x\"}";
        HttpResponse<String> r = send(HttpRequest.POST("/api/token", huge).contentType(MediaType.APPLICATION_JSON_TYPE));
        assertThat(r.code()).isEqualTo(413);
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
