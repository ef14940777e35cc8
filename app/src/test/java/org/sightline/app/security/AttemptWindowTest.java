package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sightline.app.security.domain.AttemptWindow;

class AttemptWindowTest {

    @Test
    void allowsTheAllowanceThenRefusesUntilTheWindowMoves() {
        AttemptWindow w = new AttemptWindow(3, Duration.ofMinutes(1));
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        assertThat(w.tryAcquire("10.0.0.1", t0)).isTrue();
        assertThat(w.tryAcquire("10.0.0.1", t0.plusSeconds(1))).isTrue();
        assertThat(w.tryAcquire("10.0.0.1", t0.plusSeconds(2))).isTrue();
        assertThat(w.tryAcquire("10.0.0.1", t0.plusSeconds(3))).isFalse();
        assertThat(w.tryAcquire("10.0.0.2", t0.plusSeconds(3))).as("another address").isTrue();
        assertThat(w.tryAcquire("10.0.0.1", t0.plusSeconds(60))).as("only the first attempt has left the window").isTrue();
        assertThat(w.tryAcquire("10.0.0.1", t0.plusSeconds(60))).isFalse();
    }
}
