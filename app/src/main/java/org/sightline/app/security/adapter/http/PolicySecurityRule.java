package org.sightline.app.security.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.reactivestreams.Publisher;
import org.sightline.app.security.domain.AccessPolicy;
import org.sightline.app.security.domain.Role;
import org.sightline.app.security.domain.SightlinePolicy;

/**
 * Applies {@link SightlinePolicy} to every request, before any other rule. A request that matches
 * no line of the table is refused, so a new route is closed until someone opens it there.
 */
@Singleton
public class PolicySecurityRule implements SecurityRule<HttpRequest<?>> {

    /** Runs before Micronaut's own rules (annotations, intercept-url-map). */
    public static final int ORDER = -10_000;

    private final AccessPolicy policy = SightlinePolicy.standard();

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        if (request == null) {
            return Publishers.just(SecurityRuleResult.REJECTED);
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (authentication != null) {
            authentication.getRoles().stream().map(Role::find).flatMap(Optional::stream).forEach(roles::add);
        }
        AccessPolicy.Decision decision = policy.decide(request.getMethodName(), request.getPath(),
                authentication != null, roles);
        return Publishers.just(decision == AccessPolicy.Decision.ALLOW
                ? SecurityRuleResult.ALLOWED : SecurityRuleResult.REJECTED);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
