package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sightline.app.security.domain.OriginCheck;

class OriginCheckTest {

    private static final Set<String> OWN = Set.of("http://127.0.0.1:8080");

    @Test
    void formFromOwnPageIsAllowed() {
        assertThat(OriginCheck.findRefusal("POST", false, true, "http://127.0.0.1:8080", "same-origin", OWN)).isNull();
        assertThat(OriginCheck.findRefusal("POST", false, true, "HTTP://127.0.0.1:8080/", null, OWN)).isNull();
    }

    @Test
    void formFromAnotherSiteIsRefusedEvenWithoutTheCookie() {
        assertThat(OriginCheck.findRefusal("POST", false, true, "https://evil.example", "cross-site", OWN))
                .contains("https://evil.example");
        // login CSRF: logging a victim into the attacker's account
        assertThat(OriginCheck.findRefusal("POST", false, false, "https://evil.example", "cross-site", OWN)).isNotNull();
        assertThat(OriginCheck.findRefusal("DELETE", false, true, null, "cross-site", OWN)).isNotNull();
        assertThat(OriginCheck.findRefusal("POST", false, true, "null", null, OWN)).isNotNull();
    }

    @Test
    void safeMethodsAndBearerClientsAreNotChecked() {
        assertThat(OriginCheck.findRefusal("GET", false, true, "https://evil.example", "cross-site", OWN)).isNull();
        assertThat(OriginCheck.findRefusal("POST", true, false, "https://evil.example", "cross-site", OWN)).isNull();
    }

    @Test
    void scriptsWithoutBrowserHeadersNeedABearerTokenOnlyWhenTheyUseTheCookie() {
        assertThat(OriginCheck.findRefusal("POST", false, false, null, null, OWN)).isNull();
        assertThat(OriginCheck.findRefusal("POST", false, true, null, null, OWN)).contains("bearer token");
    }
}
