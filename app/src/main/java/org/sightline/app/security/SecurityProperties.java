package org.sightline.app.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.List;

/**
 * Login protection settings ({@code sightline.security.*}).
 *
 * @param maxFailedLogins consecutive failures that lock an account (1-100)
 * @param lockout how long a locked account stays locked
 * @param apiTokenLifetime lifetime of a bearer token issued by {@code POST /api/token}
 * @param loginAttemptsPerMinute login attempts allowed per client address per minute (1-1000)
 * @param allowedOrigins origins (scheme://host[:port]) besides the service's own from which
 *                       browsers may send state-changing requests, e.g. the public address behind
 *                       a reverse proxy
 */
@Context
@ConfigurationProperties("sightline.security")
public record SecurityProperties(
        @Bindable(defaultValue = "5") @Min(1) @Max(100) int maxFailedLogins,
        @Bindable(defaultValue = "15m") @NotNull Duration lockout,
        @Bindable(defaultValue = "8h") @NotNull Duration apiTokenLifetime,
        @Bindable(defaultValue = "30") @Min(1) @Max(1000) int loginAttemptsPerMinute,
        @Nullable List<String> allowedOrigins) {

    public SecurityProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        for (String origin : allowedOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.\\-]+(:\\d{1,5})?")) {
                throw new IllegalArgumentException("sightline.security.allowed-origins contains '" + origin
                        + "': each must be scheme://host[:port] with no path, e.g. https://sightline.example.org");
            }
        }
    }
}
