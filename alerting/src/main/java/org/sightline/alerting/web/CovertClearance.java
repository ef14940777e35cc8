package org.sightline.alerting.web;

import io.micronaut.security.authentication.Authentication;

/** Whether a caller is cleared for covert lists, their entries and their alerts. */
public final class CovertClearance {

    /** Attribute of the authentication that carries covert clearance (set by the app at login). */
    public static final String ATTRIBUTE = "covert";

    private CovertClearance() {
    }

    /** True when the user is cleared for covert lists. */
    public static boolean cleared(Authentication auth) {
        return auth != null && Boolean.TRUE.equals(auth.getAttributes().get(ATTRIBUTE));
    }
}
