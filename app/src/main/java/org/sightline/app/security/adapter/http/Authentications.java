package org.sightline.app.security.adapter.http;

import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import org.sightline.app.security.domain.UserAccount;

/** Builds the token/cookie identity of a logged-in user, and reads the clearance back from it. */
public final class Authentications {

    /** Attribute carrying the covert-list clearance in the token. */
    static final String COVERT_CLEARED = "covert";

    private Authentications() {
    }

    /** True when the logged-in user is cleared for covert lists and equipment. */
    public static boolean covertCleared(Authentication user) {
        return user != null && Boolean.TRUE.equals(user.getAttributes().get(COVERT_CLEARED));
    }

    static Authentication of(UserAccount user) {
        return Authentication.build(user.username(), user.roles().stream().map(Enum::name).sorted().toList(),
                Map.of(COVERT_CLEARED, user.covertCleared()));
    }
}
