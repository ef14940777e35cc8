package org.sightline.app.web;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.sightline.app.config.MapProperties;

/**
 * Security headers on every response: a strict Content-Security-Policy (scripts and styles only
 * from this service, images also from the configured tile server), no framing, no sniffing, no
 * referrer leaks.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter {

    private final String csp;

    public SecurityHeadersFilter(MapProperties map) {
        String tiles = map.tileOrigin().isEmpty() ? "" : " " + map.tileOrigin();
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", csp);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        response.header("Referrer-Policy", "no-referrer");
        response.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
