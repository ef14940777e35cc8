package org.sightline.app.security.adapter.http;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.Map;
import org.sightline.app.security.UserService;

/** Checks form and token logins against the users stored in the database (runs on the blocking pool). */
@Singleton
public class DatabaseAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    /** Attribute carrying the covert-list clearance in the token. */
    public static final String COVERT_CLEARED = "covert";

    private final UserService users;

    public DatabaseAuthenticationProvider(UserService users) {
        this.users = users;
    }

    @Override
    public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                                        @NonNull AuthenticationRequest<String, String> auth) {
        UserService.LoginResult result = users.login(auth.getIdentity(), auth.getSecret());
        if (result instanceof UserService.LoginResult.Success s) {
            return AuthenticationResponse.success(s.user().username(),
                    s.user().roles().stream().map(Enum::name).toList(),
                    Map.of(COVERT_CLEARED, s.user().covertCleared()));
        }
        return AuthenticationResponse.failure(((UserService.LoginResult.Refused) result).reason());
    }
}
