package org.sightline.app.security.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The single table of who may call what. Every page and API route is listed here; a request that
 * matches no line is refused (deny by default). The first matching line decides, so specific
 * lines come before general ones.
 */
public final class AccessPolicy {

    /** The outcome of checking one request. */
    public enum Decision {
        /** Let the request through. */
        ALLOW,
        /** Not logged in, and the route needs a login: answer 401 (or redirect a browser to the login page). */
        NEEDS_LOGIN,
        /** Logged in without a role the route needs: answer 403. */
        FORBIDDEN
    }

    private final List<AccessRule> rules;

    public AccessPolicy(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules, in the order they are tried. */
    public List<AccessRule> rules() {
        return rules;
    }

    /** The first rule that speaks for this request, if any. */
    public Optional<AccessRule> findRule(String method, String path) {
        return rules.stream().filter(r -> r.matches(method, path)).findFirst();
    }

    /**
     * Decides one request.
     *
     * @param method HTTP method
     * @param path request path without query string
     * @param authenticated whether the caller is logged in
     * @param roles the caller's roles (empty when not logged in)
     */
    public Decision decide(String method, String path, boolean authenticated, Set<Role> roles) {
        Optional<AccessRule> rule = findRule(method, path);
        if (rule.isPresent() && rule.get().admits(authenticated, roles)) {
            return Decision.ALLOW;
        }
        return authenticated ? Decision.FORBIDDEN : Decision.NEEDS_LOGIN;
    }
}
