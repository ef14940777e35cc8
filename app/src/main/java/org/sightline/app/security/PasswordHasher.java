package org.sightline.app.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/** bcrypt hashing of passwords (cost 12). */
@Singleton
public class PasswordHasher {

    private static final int COST = 12;
    /** Made on first use, not at start-up (a cost-12 hash takes about a quarter of a second). */
    private static final class Dummy {
        // a valid hash of a random string, checked against when the user does not exist so that
        // an unknown user takes as long to refuse as a wrong password
        static final String HASH = BCrypt.withDefaults().hashToString(COST, "dummy-password-never-used".toCharArray());
    }

    /** A bcrypt hash of the password. */
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    /** True when the password matches the hash; a null hash is checked against a dummy and fails. */
    public boolean matches(String password, String hash) {
        if (password == null) {
            return false;
        }
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        if (hash == null) {
            BCrypt.verifyer().verify(pw, Dummy.HASH.getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return BCrypt.verifyer().verify(pw, hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
