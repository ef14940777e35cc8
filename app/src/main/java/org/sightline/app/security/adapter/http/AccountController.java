package org.sightline.app.security.adapter.http;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;
import org.sightline.app.security.SecurityProperties;
import org.sightline.app.security.UserService;
import org.sightline.platform.http.Problems;

/** Who am I, and bearer tokens for API clients. */
@Controller("/api")
public class AccountController {

    /** The logged-in user as the pages see it. */
    @Serdeable
    public record Me(String username, List<String> roles, boolean covertCleared) { }

    /** Credentials for a token. */
    @Serdeable
    @Introspected
    public record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) { }

    /** A bearer token (RFC 6750 field names). */
    @Serdeable
    public record TokenResponse(String access_token, String token_type, long expires_in) { }

    private final UserService users;
    private final TokenGenerator tokens;
    private final SecurityProperties config;

    public AccountController(UserService users, TokenGenerator tokens, SecurityProperties config) {
        this.users = users;
        this.tokens = tokens;
        this.config = config;
    }

    @Get(value = "/me", produces = MediaType.APPLICATION_JSON)
    public Me me(Authentication authentication) {
        Object covert = authentication.getAttributes().get(Authentications.COVERT_CLEARED);
        return new Me(authentication.getName(), authentication.getRoles().stream().sorted().toList(),
                Boolean.TRUE.equals(covert));
    }

    @Post(value = "/token", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> token(@Body @Valid TokenRequest request) {
        UserService.LoginResult result = users.login(request.username(), request.password());
        if (result instanceof UserService.LoginResult.Refused refused) {
            return Problems.response(HttpStatus.UNAUTHORIZED, "Login refused", refused.reason());
        }
        var user = ((UserService.LoginResult.Success) result).user();
        int lifetime = (int) config.apiTokenLifetime().toSeconds();
        Optional<String> token = tokens.generateToken(Authentications.of(user), lifetime);
        return token.<HttpResponse<?>>map(t -> HttpResponse.ok(new TokenResponse(t, "Bearer", lifetime)))
                .orElseGet(() -> Problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "Token not issued",
                        "The service could not sign a token; check micronaut.security.token.jwt settings."));
    }
}
