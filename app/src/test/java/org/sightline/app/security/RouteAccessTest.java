package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.web.router.Router;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.TestUsers;
import org.sightline.app.security.adapter.http.AccountController;
import org.sightline.app.security.domain.AccessPolicy;
import org.sightline.app.security.domain.Role;
import org.sightline.app.security.domain.SightlinePolicy;

/**
 * Walks every route the running service exposes, as an anonymous caller and as a user of each
 * role, and checks that the answer is the one the access policy table promises.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteAccessTest implements SightlineTestProperties {

    @Inject
    Router router;

    @Inject
    UserService users;

    @Inject
    @Client("/")
    HttpClient client;

    private final AccessPolicy policy = SightlinePolicy.standard();
    private final Map<Role, String> tokens = new HashMap<>();

    @BeforeAll
    void createUsersAndTokens() {
        TestUsers.createAll(users);
        for (Role role : Role.values()) {
            AccountController.TokenResponse token = client.toBlocking().retrieve(
                    HttpRequest.POST("/api/token", Map.of("username", TestUsers.nameOf(role), "password", TestUsers.PASSWORD)),
                    AccountController.TokenResponse.class);
            tokens.put(role, token.access_token());
        }
    }

    @Test
    void everyRouteIsListedInThePolicyTable() {
        Set<String> unlisted = new TreeSet<>();
        for (String[] route : concreteRoutes()) {
            if (policy.findRule(route[0], route[1]).isEmpty()) {
                unlisted.add(route[0] + " " + route[1]);
            }
        }
        assertThat(unlisted).as("routes with no line in SightlinePolicy").isEmpty();
    }

    @Test
    void everyRouteAnswersEachRoleAsThePolicySays() {
        List<String> wrong = new ArrayList<>();
        List<String[]> routes = concreteRoutes();
        assertThat(routes).hasSizeGreaterThan(8);
        for (String[] route : routes) {
            String method = route[0];
            String path = route[1];
            check(wrong, method, path, null);
            for (Role role : Role.values()) {
                check(wrong, method, path, role);
            }
        }
        assertThat(wrong).isEmpty();
    }

    private void check(List<String> wrong, String method, String path, Role role) {
        Set<Role> roles = role == null ? Set.of() : EnumSet.of(role);
        AccessPolicy.Decision expected = policy.decide(method, path, role != null, roles);
        int status = call(method, path, role);
        boolean ok = switch (expected) {
            case ALLOW -> status != 401 && status != 403;
            case NEEDS_LOGIN -> status == 401;
            case FORBIDDEN -> status == 403;
        };
        if (!ok) {
            wrong.add(method + " " + path + " as " + (role == null ? "anonymous" : role) + ": expected " + expected + ", got " + status);
        }
    }

    private int call(String method, String path, Role role) {
        MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.parse(method), path)
                .accept(MediaType.APPLICATION_JSON_TYPE);
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("DELETE")) {
            request = request.contentType(MediaType.APPLICATION_JSON_TYPE).body(Map.of());
        }
        if (role != null) {
            request = request.bearerAuth(tokens.get(role));
        }
        try {
            HttpResponse<String> response = client.toBlocking().exchange(request, Argument.STRING, Argument.STRING);
            return response.code();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    /** Every route as method and a concrete path (path variables filled with a placeholder value). */
    private List<String[]> concreteRoutes() {
        List<String[]> routes = new ArrayList<>();
        router.uriRoutes().forEach(r -> {
            String path = r.getUriMatchTemplate().toPathString().replaceAll("\\{[^}]*}", "1");
            routes.add(new String[] {r.getHttpMethodName(), path.isEmpty() ? "/" : path});
        });
        return routes;
    }
}
