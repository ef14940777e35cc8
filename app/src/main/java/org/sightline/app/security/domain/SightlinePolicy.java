package org.sightline.app.security.domain;

import static org.sightline.app.security.domain.AccessRule.Audience.ANYONE;
import static org.sightline.app.security.domain.AccessRule.Audience.AUTHENTICATED;
import static org.sightline.app.security.domain.AccessRule.Audience.ROLES;
import static org.sightline.app.security.domain.Role.ADMIN;
import static org.sightline.app.security.domain.Role.ENGINEER;
import static org.sightline.app.security.domain.Role.OPERATOR;
import static org.sightline.app.security.domain.Role.PLANNER;
import static org.sightline.app.security.domain.Role.SUPERVISOR;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sightline's route and permission table: the one place that says which role may open which page
 * or call which API. Add a line here with every new route; a test walks every route of the running
 * service against this table.
 */
public final class SightlinePolicy {

    private SightlinePolicy() {
    }

    /** The policy in force. */
    public static AccessPolicy standard() {
        return new AccessPolicy(List.of(
                // open to anyone: what is needed to log in, and liveness
                rule("*", "/assets/**", ANYONE),
                rule("*", "/webjars/**", ANYONE),
                rule("GET", "/favicon.ico", ANYONE),
                rule("GET", "/login", ANYONE),
                rule("POST", "/login", ANYONE),
                rule("*", "/logout", ANYONE),
                rule("POST", "/api/token", ANYONE),
                rule("GET", "/health", ANYONE),
                rule("GET", "/health/**", ANYONE),

                // any logged-in user
                rule("GET", "/", AUTHENTICATED),
                rule("GET", "/api/me", AUTHENTICATED),
                rule("GET", "/api/map/config", AUTHENTICATED),
                // geography (geo-data): boundaries, roads, arterials, crossings, cameras, units, candidate sites;
                // covert cameras are filtered by the user's clearance inside the resource
                rule("GET", "/api/geo/**", AUTHENTICATED),

                // user pages
                rule("GET", "/operator", ROLES, OPERATOR, SUPERVISOR, ADMIN),
                rule("GET", "/planner", ROLES, PLANNER, ADMIN),
                rule("GET", "/engineer", ROLES, ENGINEER, ADMIN),
                rule("GET", "/search", ROLES, OPERATOR, SUPERVISOR),

                // ingest: roadside unit status for engineers, dead letters for administrators
                rule("GET", "/api/ingest/units", ROLES, ENGINEER, ADMIN),
                rule("GET", "/api/ingest/units/**", ROLES, ENGINEER, ADMIN),
                rule("GET", "/api/ingest/dead-letters", ROLES, ADMIN),
                rule("POST", "/api/ingest/dead-letters/**", ROLES, ADMIN),

                // planner: plans and hotspot layers
                rule("POST", "/api/plans", ROLES, PLANNER, ADMIN),
                rule("GET", "/api/plans", ROLES, PLANNER, ADMIN),
                rule("GET", "/api/plans/**", ROLES, PLANNER, ADMIN),
                rule("GET", "/api/hotspots/**", ROLES, PLANNER, ADMIN),
                rule("GET", "/api/planning/**", ROLES, PLANNER, ADMIN),
                rule("POST", "/api/planning/redeploy", ROLES, PLANNER, ADMIN),
                rule("POST", "/api/planning/jobs", ROLES, PLANNER, ADMIN),
                rule("POST", "/api/planning/building-layers", ROLES, PLANNER, ADMIN),

                // alerting: operators see lists and work alerts; supervisors manage the lists
                rule("GET", "/api/hotlists", ROLES, OPERATOR, SUPERVISOR, ADMIN),
                rule("GET", "/api/hotlists/**", ROLES, OPERATOR, SUPERVISOR, ADMIN),
                rule("*", "/api/hotlists/**", ROLES, SUPERVISOR, ADMIN),
                rule("GET", "/api/alerts", ROLES, OPERATOR, SUPERVISOR, ADMIN),
                rule("*", "/api/alerts/**", ROLES, OPERATOR, SUPERVISOR, ADMIN),

                // searches of stored reads: purpose and reference mandatory; older reads need a
                // supervisor's approval, which only a supervisor may give
                rule("POST", "/api/reads/search", ROLES, OPERATOR, SUPERVISOR),
                rule("POST", "/api/reads/approvals", ROLES, OPERATOR, SUPERVISOR),
                rule("GET", "/api/reads/approvals/mine", ROLES, OPERATOR, SUPERVISOR),
                rule("GET", "/api/reads/approvals", ROLES, SUPERVISOR),
                rule("POST", "/api/reads/approvals/**", ROLES, SUPERVISOR),

                // each camera's purpose, signage and impact assessment (Surveillance Camera Code):
                // supervisors read, administrators set
                rule("GET", "/api/cameras/**", ROLES, SUPERVISOR, ADMIN),
                rule("PUT", "/api/cameras/**", ROLES, ADMIN),

                // operations
                rule("GET", "/metrics", ROLES, ADMIN)));
    }

    private static AccessRule rule(String method, String path, AccessRule.Audience audience, Role... roles) {
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        return new AccessRule(method, path, audience, set);
    }
}
