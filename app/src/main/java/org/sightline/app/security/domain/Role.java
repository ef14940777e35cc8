package org.sightline.app.security.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roles a Sightline user may hold. A user may hold several. Covert-list clearance is a
 * separate grant, not a role.
 */
public enum Role {
    /** Control-room operator: watches and decides alerts. */
    OPERATOR,
    /** Planner: chooses camera sites. */
    PLANNER,
    /** Field engineer: checks and repairs roadside units. */
    ENGINEER,
    /** Senior officer: approves searches of older reads. */
    SUPERVISOR,
    /** Administrator: users, configuration, dead letters. */
    ADMIN;

    /** Parses a role name, ignoring case and surrounding blanks; empty for an unknown name. */
    public static Optional<Role> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(n)).findFirst();
    }

    /** The allowed names, comma separated, for error messages. */
    public static String allowedNames() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
