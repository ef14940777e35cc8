package org.sightline.ingest.unitstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitStatusTest {

    private final Duration interval = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aSilentUnitGoesStaleAfterOneAndAHalfIntervalsAndOfflineAfterThree() {
        UnitStatus s = new UnitStatus(UnitState.UNKNOWN, t0, Optional.empty()).heartbeat(t0).status();
        assertThat(s.state()).isEqualTo(UnitState.ONLINE);
        assertThat(s.tick(t0.plusSeconds(45), interval).transition()).isEmpty();
        UnitStatus.Step stale = s.tick(t0.plusSeconds(46), interval);
        assertThat(stale.status().state()).isEqualTo(UnitState.STALE);
        assertThat(stale.transition().orElseThrow().reason()).contains("1.5 intervals");
        assertThat(stale.status().tick(t0.plusSeconds(90), interval).transition()).isEmpty();
        UnitStatus.Step offline = stale.status().tick(t0.plusSeconds(91), interval);
        assertThat(offline.status().state()).isEqualTo(UnitState.OFFLINE);
        assertThat(offline.status().heartbeat(t0.plusSeconds(100)).transition().orElseThrow().to()).isEqualTo(UnitState.ONLINE);
    }

    @Test
    void theLastWillTakesAUnitOfflineAtOnce() {
        UnitStatus s = new UnitStatus(UnitState.ONLINE, t0, Optional.of(t0));
        UnitStatus.Step step = s.presence(false, t0.plusSeconds(1));
        assertThat(step.status().state()).isEqualTo(UnitState.OFFLINE);
        assertThat(step.transition().orElseThrow().from()).isEqualTo(UnitState.ONLINE);
        assertThat(step.status().presence(false, t0.plusSeconds(2)).transition()).isEmpty();
    }
}
