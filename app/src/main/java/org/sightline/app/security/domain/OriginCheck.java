package org.sightline.app.security.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Cross-site request forgery defence for requests that a browser authenticates with its cookie:
 * a state-changing request must come from one of Sightline's own pages. Browsers always send
 * {@code Origin} on such requests (and {@code Sec-Fetch-Site}), and a page on another site cannot
 * forge either; API clients that send a bearer token are not exposed to CSRF and are not checked.
 * This complements the SameSite=Strict session cookie.
 */
public final class OriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private OriginCheck() {
    }

    /**
     * Why the request must be refused, or null when it may pass.
     *
     * @param method HTTP method
     * @param bearer whether the request carries an {@code Authorization: Bearer} header
     * @param sessionCookie whether the request carries the session cookie
     * @param origin the {@code Origin} header, or null
     * @param fetchSite the {@code Sec-Fetch-Site} header, or null
     * @param ownOrigins the origins of this service ({@code scheme://host[:port]}), lower case
     */
    public static String findRefusal(String method, boolean bearer, boolean sessionCookie, String origin, String fetchSite,
                                     Set<String> ownOrigins) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) || bearer) {
            return null;
        }
        if (origin != null && !origin.isBlank()) {
            String o = origin.trim().toLowerCase(Locale.ROOT);
            if (o.endsWith("/")) {
                o = o.substring(0, o.length() - 1);
            }
            return ownOrigins.contains(o) ? null
                    : "Cross-site request refused: it came from " + origin.trim() + ", not from a Sightline page";
        }
        if (fetchSite != null && !fetchSite.isBlank()) {
            String s = fetchSite.trim().toLowerCase(Locale.ROOT);
            return s.equals("same-origin") || s.equals("none") ? null
                    : "Cross-site request refused (Sec-Fetch-Site: " + s + ")";
        }
        // no browser metadata: a script or tool. Without the cookie nothing can be forged on a
        // user's behalf; with it, ask for the bearer token that such clients should use
        return sessionCookie ? "State-changing requests with the session cookie need an Origin header; scripts should use a bearer token (POST /api/token)" : null;
    }
}
