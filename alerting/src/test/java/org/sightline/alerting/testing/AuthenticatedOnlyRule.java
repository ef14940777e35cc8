package org.sightline.alerting.testing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The module tests' stand-in for the app's role table: any logged-in user may call the alerting
 * API (which roles may is the app's SightlinePolicy, tested there); covert rules are the module's.
 */
@Singleton
public class AuthenticatedOnlyRule implements SecurityRule<HttpRequest<?>> {

    @Override
    public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication authentication) {
        return Mono.just(authentication == null ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.ALLOWED);
    }
}
