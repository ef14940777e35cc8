package org.sightline.app.security.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpHostResolver;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.sightline.app.security.SecurityProperties;
import org.sightline.app.security.domain.OriginCheck;
import org.sightline.platform.http.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Refuses state-changing browser requests that do not come from Sightline's own pages (see {@link OriginCheck}). */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class CsrfOriginFilter implements Ordered {

    // Micronaut Security's default name of the access-token cookie
    private static final String SESSION_COOKIE = "JWT";
    private static final Logger LOG = LoggerFactory.getLogger(CsrfOriginFilter.class);
    private final HttpHostResolver hosts;
    private final Set<String> allowedOrigins;

    public CsrfOriginFilter(HttpHostResolver hosts, SecurityProperties config) {
        this.hosts = hosts;
        this.allowedOrigins = new HashSet<>();
        config.allowedOrigins().forEach(o -> allowedOrigins.add(o.toLowerCase(Locale.ROOT)));
    }

    /** Before the security filter, after the response-header filter. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> check(HttpRequest<?> request) {
        String auth = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean bearer = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
        Set<String> own = new HashSet<>(allowedOrigins);
        own.add(hosts.resolve(request).toLowerCase(Locale.ROOT));
        boolean cookie = request.getCookies().contains(SESSION_COOKIE);
        String refusal = OriginCheck.findRefusal(request.getMethodName(), bearer, cookie,
                request.getHeaders().get("Origin"), request.getHeaders().get("Sec-Fetch-Site"), own);
        if (refusal == null) {
            return null;
        }
        LOG.warn("Refused {} {}: {}", request.getMethodName(), request.getPath(), refusal);
        return Problems.response(HttpStatus.FORBIDDEN, "Cross-site request refused", refusal);
    }
}
