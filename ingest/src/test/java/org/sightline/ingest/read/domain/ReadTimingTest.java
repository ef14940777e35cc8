package org.sightline.ingest.read.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReadTimingTest {

    private final ReadTiming timing = new ReadTiming(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90));
    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aReadFromTheFutureBeyondTheToleranceIsRefused() {
        assertThat(timing.check(now.plusSeconds(299), now)).isEqualTo(Checked.ok(false));
        assertThat(timing.check(now.plusSeconds(301), now)).isInstanceOf(Checked.Rejected.class);
    }

    @Test
    void aReadHoursOldIsLateButTaken() {
        assertThat(timing.check(now.minusSeconds(599), now)).isEqualTo(Checked.ok(false));
        assertThat(timing.check(now.minus(Duration.ofHours(6)), now)).isEqualTo(Checked.ok(true));
        assertThat(timing.check(now.minus(Duration.ofDays(91)), now)).isInstanceOf(Checked.Rejected.class);
    }
}
