package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sightline.app.security.domain.AccessPolicy.Decision.ALLOW;
import static org.sightline.app.security.domain.AccessPolicy.Decision.FORBIDDEN;
import static org.sightline.app.security.domain.AccessPolicy.Decision.NEEDS_LOGIN;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.app.security.domain.AccessPolicy;
import org.sightline.app.security.domain.AccessRule;
import org.sightline.app.security.domain.Role;
import org.sightline.app.security.domain.SightlinePolicy;

class AccessPolicyTest {

    private final AccessPolicy policy = SightlinePolicy.standard();

    @Test
    void plannerPageIsOpenToPlannersAndAdminsOnly() {
        assertThat(policy.decide("GET", "/planner", true, EnumSet.of(Role.PLANNER))).isEqualTo(ALLOW);
        assertThat(policy.decide("GET", "/planner", true, EnumSet.of(Role.ADMIN))).isEqualTo(ALLOW);
        assertThat(policy.decide("GET", "/planner", true, EnumSet.of(Role.OPERATOR))).isEqualTo(FORBIDDEN);
        assertThat(policy.decide("GET", "/planner", false, Set.of())).isEqualTo(NEEDS_LOGIN);
    }

    @Test
    void unlistedRouteIsRefusedEvenToAdmins() {
        assertThat(policy.decide("GET", "/api/secret-new-thing", true, EnumSet.allOf(Role.class))).isEqualTo(FORBIDDEN);
        assertThat(policy.decide("DELETE", "/planner", true, EnumSet.allOf(Role.class))).isEqualTo(FORBIDDEN);
    }

    @Test
    void prefixPatternCoversThePrefixAndBelowButNotLookalikes() {
        AccessRule rule = new AccessRule("GET", "/assets/**", AccessRule.Audience.ANYONE, Set.of());
        assertThat(rule.matches("GET", "/assets")).isTrue();
        assertThat(rule.matches("GET", "/assets/sightline.css")).isTrue();
        assertThat(rule.matches("GET", "/assets-private/x")).isFalse();
        assertThat(rule.matches("POST", "/assets/x")).isFalse();
    }

    @Test
    void loginPageAndHealthNeedNoLogin() {
        assertThat(policy.decide("GET", "/login", false, Set.of())).isEqualTo(ALLOW);
        assertThat(policy.decide("POST", "/login", false, Set.of())).isEqualTo(ALLOW);
        assertThat(policy.decide("GET", "/health", false, Set.of())).isEqualTo(ALLOW);
        assertThat(policy.decide("GET", "/", false, Set.of())).isEqualTo(NEEDS_LOGIN);
    }

    @Test
    void userWithoutRolesMayOnlySeeTheStartPage() {
        assertThat(policy.decide("GET", "/", true, Set.of())).isEqualTo(ALLOW);
        assertThat(policy.decide("GET", "/engineer", true, Set.of())).isEqualTo(FORBIDDEN);
    }

    @Test
    void malformedRulesCannotBeBuilt() {
        assertThatThrownBy(() -> new AccessRule("GET", "/a/**/b", AccessRule.Audience.ANYONE, Set.of()))
                .hasMessageContaining("last segment");
        assertThatThrownBy(() -> new AccessRule("GET", "/x", AccessRule.Audience.ROLES, Set.of()))
                .hasMessageContaining("at least one role");
        assertThatThrownBy(() -> new AccessRule("GET", "x", AccessRule.Audience.ANYONE, Set.of()))
                .hasMessageContaining("start with '/'");
    }
}
