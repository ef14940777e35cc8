package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.security.domain.Role;

@MicronautTest(transactional = false)
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class LoginFlowTest implements SightlineTestProperties {

    private static final String PASSWORD = "a-long-enough-password";

    @Inject
    UserService users;

    @Inject
    @Client("/")
    HttpClient http;

    private HttpResponse<String> formLogin(String username, String password) {
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return http.toBlocking().exchange(HttpRequest.POST("/login", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
    }

    @Test
    void formLoginSetsAnHttpOnlyStrictCookieThatOpensTheApi() {
        users.createOrReplace("flow-user", PASSWORD, EnumSet.of(Role.ENGINEER), false);
        HttpResponse<String> login = formLogin("flow-user", PASSWORD);
        assertThat(login.code()).isEqualTo(303);
        assertThat(login.header("Location")).isEqualTo("/");
        String setCookie = login.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("JWT=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String jwt = setCookie.substring(4, setCookie.indexOf(';'));

        Map<?, ?> me = http.toBlocking().retrieve(HttpRequest.GET("/api/me").cookie(io.micronaut.http.cookie.Cookie.of("JWT", jwt)), Map.class);
        assertThat(me.get("username")).isEqualTo("flow-user");
        assertThat(me.get("roles")).asList().containsExactly("ENGINEER");
    }

    @Test
    void loginReturnsToTheRequestedLocalPageOnlyAndWithOneLocation() {
        users.createOrReplace("flow-next", PASSWORD, EnumSet.of(Role.PLANNER), false);
        String form = "username=flow-next&password=" + PASSWORD + "&next=";
        HttpResponse<String> back = http.toBlocking().exchange(HttpRequest.POST("/login", form + "%2Fplanner")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertThat(back.getHeaders().getAll("Location")).containsExactly("/planner");
        // an open redirect to another site is ignored
        HttpResponse<String> evil = http.toBlocking().exchange(HttpRequest.POST("/login", form + "%2F%2Fevil.example%2F")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class);
        assertThat(evil.getHeaders().getAll("Location")).containsExactly("/");
    }

    @Test
    void wrongPasswordSendsTheBrowserBackToTheLoginPageWithoutACookie() {
        users.createOrReplace("flow-wrong", PASSWORD, EnumSet.of(Role.PLANNER), false);
        HttpResponse<String> login = formLogin("flow-wrong", "not-the-password");
        assertThat(login.header("Location")).isEqualTo("/login?error=1");
        assertThat(login.getHeaders().getAll("Set-Cookie")).noneMatch(c -> c.startsWith("JWT=") && !c.startsWith("JWT=;"));
    }

    @Test
    void accountLocksAfterRepeatedFailuresEvenForTheRightPassword() {
        users.createOrReplace("flow-locked", PASSWORD, EnumSet.of(Role.PLANNER), false);
        for (int i = 0; i < 5; i++) {
            assertThat((Object) users.login("flow-locked", "wrong-" + i)).isInstanceOf(UserService.LoginResult.Refused.class);
        }
        UserService.LoginResult result = users.login("flow-locked", PASSWORD);
        assertThat((Object) result).isInstanceOf(UserService.LoginResult.Refused.class);
        assertThat(((UserService.LoginResult.Refused) result).reason()).contains("locked");
    }

    @Test
    void tokenEndpointRefusesBadCredentialsWithProblemJson() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/token",
                Map.of("username", "nobody-here", "password", "whatever-password")), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(401);
                    assertThat(e.getResponse().getContentType().map(MediaType::toString)).hasValue("application/problem+json");
                    assertThat(e.getResponse().getBody(String.class).orElse("")).contains("Wrong username or password");
                });
    }

    @Test
    void malformedJsonGetsA400ProblemWithoutInternals() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/api/token", "{\"username\": [1,2")
                        .contentType(MediaType.APPLICATION_JSON_TYPE), Argument.STRING, Argument.STRING));
        assertThat(e.getStatus().getCode()).isEqualTo(400);
        String body = e.getResponse().getBody(String.class).orElse("");
        assertThat(body).contains("\"status\":400").doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void weakPasswordsAreRefused() {
        assertThatThrownBy(() -> users.createOrReplace("flow-weak", "short", EnumSet.of(Role.PLANNER), false))
                .hasMessageContaining("at least 12");
        assertThatThrownBy(() -> users.createOrReplace("flow-weak", "flow-weak-password", EnumSet.of(Role.PLANNER), false))
                .hasMessageContaining("username");
        assertThat(users.findUser("flow-weak")).isEqualTo(Optional.empty());
    }

    @Test
    void crossSiteFormPostsAreRefusedAndSameSiteOnesPass() {
        users.createOrReplace("flow-csrf", PASSWORD, EnumSet.of(Role.PLANNER), false);
        String form = "username=flow-csrf&password=" + PASSWORD;
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.POST("/login", form)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                        .header("Origin", "https://evil.example").header("Sec-Fetch-Site", "cross-site"), String.class));
        assertThat(e.getStatus().getCode()).isEqualTo(403);
        assertThat(e.getResponse().getBody(String.class).orElse("")).contains("Cross-site request refused");

        HttpResponse<String> ok = http.toBlocking().exchange(HttpRequest.POST("/login", form)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("Origin", ownOrigin())
                .header("Sec-Fetch-Site", "same-origin"), String.class);
        assertThat(ok.header("Location")).isEqualTo("/");
    }

    @Inject
    io.micronaut.runtime.server.EmbeddedServer server;

    private String ownOrigin() {
        return "http://" + server.getHost() + ":" + server.getPort();
    }

    @Test
    void browserWithoutLoginIsSentToTheLoginPage() {
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.GET("/planner").accept(MediaType.TEXT_HTML_TYPE), String.class);
        assertThat(r.code()).isEqualTo(303);
        assertThat(r.header("Location")).isEqualTo("/login?next=%2Fplanner");
        assertThat(r.header("Content-Security-Policy")).contains("script-src 'self'").contains("frame-ancestors 'none'");
    }
}
