package org.sightline.app.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Login protection settings ({@code sightline.security.*}).
 *
 * @param maxFailedLogins consecutive failures that lock an account (1-100)
 * @param lockout how long a locked account stays locked
 * @param apiTokenLifetime lifetime of a bearer token issued by {@code POST /api/token}
 */
@Context
@ConfigurationProperties("sightline.security")
public record SecurityProperties(
        @Bindable(defaultValue = "5") @Min(1) @Max(100) int maxFailedLogins,
        @Bindable(defaultValue = "15m") @NotNull Duration lockout,
        @Bindable(defaultValue = "8h") @NotNull Duration apiTokenLifetime) {
}
