package org.sightline.app.security.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One line of the access policy: which requests (method and path pattern) are open to whom.
 *
 * <p>Path patterns are exact paths, or end in {@code /**} to match the prefix and everything
 * below it. {@code method} is an upper-case HTTP method or {@code *} for any.
 *
 * @param method HTTP method, or {@code *}
 * @param pathPattern exact path or prefix ending in {@code /**}
 * @param audience who may pass
 * @param roles the roles allowed when {@code audience} is {@link Audience#ROLES}; empty otherwise
 */
public record AccessRule(String method, String pathPattern, Audience audience, Set<Role> roles) {

    /** Who a rule lets through. */
    public enum Audience {
        /** Anyone, logged in or not (login page, static assets, health). */
        ANYONE,
        /** Any logged-in user, whatever their roles. */
        AUTHENTICATED,
        /** Logged-in users holding at least one of the listed roles. */
        ROLES
    }

    public AccessRule {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathPattern, "pathPattern");
        Objects.requireNonNull(audience, "audience");
        method = method.toUpperCase(Locale.ROOT);
        if (!pathPattern.startsWith("/")) {
            throw new IllegalArgumentException("path pattern must start with '/': " + pathPattern);
        }
        if (pathPattern.contains("**") && !pathPattern.endsWith("/**")) {
            throw new IllegalArgumentException("'**' is allowed only as the last segment: " + pathPattern);
        }
        roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if (audience == Audience.ROLES && roles.isEmpty()) {
            throw new IllegalArgumentException("a ROLES rule needs at least one role: " + pathPattern);
        }
        if (audience != Audience.ROLES && !roles.isEmpty()) {
            throw new IllegalArgumentException("only a ROLES rule lists roles: " + pathPattern);
        }
    }

    /** True when this rule speaks for the request with this method and path. */
    public boolean matches(String requestMethod, String path) {
        // HEAD is GET without the body: whoever may GET may HEAD
        String m = "HEAD".equalsIgnoreCase(requestMethod) ? "GET" : requestMethod;
        if (!method.equals("*") && !method.equalsIgnoreCase(m)) {
            return false;
        }
        if (pathPattern.endsWith("/**")) {
            String prefix = pathPattern.substring(0, pathPattern.length() - 3);
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
        return path.equals(pathPattern);
    }

    /** True when a user with these roles (empty set, not logged in when {@code authenticated} is false) may pass. */
    public boolean admits(boolean authenticated, Set<Role> userRoles) {
        return switch (audience) {
            case ANYONE -> true;
            case AUTHENTICATED -> authenticated;
            case ROLES -> authenticated && userRoles.stream().anyMatch(roles::contains);
        };
    }
}
