package org.sightline.app;

import java.util.EnumSet;
import java.util.Set;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;

/** Users for tests: one per role, named after it, with one known password. */
public final class TestUsers {

    /** The password of every test user. */
    public static final String PASSWORD = "test-password-1234";

    private TestUsers() {
    }

    /** Creates (or resets) one user per role, named as the role in lower case, and one with no role. */
    public static void createAll(UserService users) {
        for (Role role : Role.values()) {
            users.createOrReplace(nameOf(role), PASSWORD, EnumSet.of(role), false);
        }
        users.createOrReplace("norole", PASSWORD, Set.of(), false);
    }

    /** The username of the test user holding only this role. */
    public static String nameOf(Role role) {
        return role.name().toLowerCase();
    }
}
