package org.sightline.app.security.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import org.sightline.app.security.SecurityProperties;
import org.sightline.app.security.domain.AttemptWindow;
import org.sightline.platform.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits login attempts per client address (password spraying across many accounts is not stopped
 * by the per-account lock-out alone). Over the limit the client gets 429 with Retry-After.
 */
@ServerFilter({"/login", "/api/token"})
public class LoginThrottleFilter {

    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
    private final AttemptWindow window;

    public LoginThrottleFilter(SecurityProperties config) {
        this.window = new AttemptWindow(config.loginAttemptsPerMinute(), Duration.ofMinutes(1));
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> throttle(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        InetSocketAddress remote = request.getRemoteAddress();
        String key = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        if (window.tryAcquire(key, Instant.now())) {
            return null;
        }
        LOG.warn("Login attempts from {} throttled", key);
        return Problems.response(HttpStatus.TOO_MANY_REQUESTS, "Too many login attempts",
                "Too many login attempts from this address; wait a minute and try again.").header("Retry-After", "60");
    }
}
