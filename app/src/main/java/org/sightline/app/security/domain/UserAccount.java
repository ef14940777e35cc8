package org.sightline.app.security.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A person who may log in. The password is kept only as a one-way hash.
 *
 * @param username login name: 3-64 characters of letters, digits, dot, dash or underscore
 * @param passwordHash bcrypt hash of the password
 * @param roles roles held; may be empty (then the user can log in but open no page)
 * @param covertCleared whether the user may see covert hotlists and their alerts
 * @param enabled false for a disabled account, which cannot log in
 * @param failedLogins consecutive failed logins since the last success
 * @param lockedUntil the account is locked until this instant, or null when not locked
 */
public record UserAccount(String username, String passwordHash, Set<Role> roles, boolean covertCleared,
                          boolean enabled, int failedLogins, Instant lockedUntil) {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{3,64}");

    public UserAccount {
        requireValidUsername(username);
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = Set.copyOf(roles);
        if (failedLogins < 0) {
            throw new IllegalArgumentException("failedLogins must be >= 0");
        }
    }

    /** Throws {@link IllegalArgumentException} naming the rule when the name is not allowed. */
    public static String requireValidUsername(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3-64 characters of letters, digits, '.', '-' or '_'");
        }
        return username;
    }

    /** True when the account is locked at this instant. */
    public boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
