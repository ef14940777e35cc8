package org.sightline.alerting.testing;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Test logins for the alerting API (basic auth, password "pw"): {@code operator} (not cleared),
 * {@code supervisor} (cleared for covert lists). The app's real login puts the same "covert"
 * attribute in the token.
 */
@Singleton
public class TestUsers<B> implements HttpRequestAuthenticationProvider<B> {

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> auth) {
        if (!"pw".equals(auth.getSecret())) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        return switch (auth.getIdentity()) {
            case "operator" -> AuthenticationResponse.success("operator", List.of("OPERATOR"), Map.of("covert", false));
            case "supervisor" -> AuthenticationResponse.success("supervisor", List.of("SUPERVISOR"), Map.of("covert", true));
            default -> AuthenticationResponse.failure(AuthenticationFailureReason.USER_NOT_FOUND);
        };
    }
}
