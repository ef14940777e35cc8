package org.sightline.app.security.domain;

import java.util.Optional;

/**
 * What a password must be: at least 12 characters, not all one character class. Long passphrases
 * are preferred to complex short ones (NCSC guidance), so length is the main rule.
 */
public final class PasswordPolicy {

    /** Minimum length of a password, in characters. */
    public static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Why the password is not acceptable, or empty when it is. */
    public static Optional<String> findProblem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("password must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password must be at most " + MAX_LENGTH + " characters");
        }
        if (password.chars().distinct().count() < 5) {
            return Optional.of("password must use at least 5 different characters");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            return Optional.of("password must not contain the username");
        }
        return Optional.empty();
    }
}
