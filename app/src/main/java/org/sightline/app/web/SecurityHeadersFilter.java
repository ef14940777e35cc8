package org.sightline.app.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.sightline.app.config.MapProperties;

/**
 * Security headers on every response: a strict Content-Security-Policy (scripts and styles only
 * from this service, images also from the configured tile server), no framing, no sniffing, no
 * referrer sent to other sites.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeadersFilter implements Ordered {

    private final String csp;

    public SecurityHeadersFilter(MapProperties map) {
        String tiles = map.tileOrigin().isEmpty() ? "" : " " + map.tileOrigin();
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:" + tiles
                + "; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    /** Outermost, so that answers made by other filters (login redirects, refusals) carry the headers too. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @ResponseFilter
    public void addHeaders(MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", csp);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        // not "no-referrer": Chromium then sends "Origin: null" on form posts, which the server's
        // drive-by-localhost protection refuses
        response.header("Referrer-Policy", "same-origin");
        response.header("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
        response.header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
