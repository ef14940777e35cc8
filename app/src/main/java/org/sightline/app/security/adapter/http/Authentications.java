package org.sightline.app.security.adapter.http;

import io.micronaut.security.authentication.Authentication;
import java.util.Map;
import org.sightline.app.security.domain.UserAccount;

/** Builds the token/cookie identity of a logged-in user. */
final class Authentications {

    /** Attribute carrying the covert-list clearance in the token. */
    static final String COVERT_CLEARED = "covert";

    private Authentications() {
    }

    static Authentication of(UserAccount user) {
        return Authentication.build(user.username(), user.roles().stream().map(Enum::name).sorted().toList(),
                Map.of(COVERT_CLEARED, user.covertCleared()));
    }
}
