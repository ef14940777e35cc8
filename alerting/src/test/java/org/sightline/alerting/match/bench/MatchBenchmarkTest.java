package org.sightline.alerting.match.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** The JMH benchmark's state: the list it builds and the read mix it matches (not its timing). */
class MatchBenchmarkTest {

    @Test
    void readMixHitsTheBuiltListAsDesigned() {
        MatchBenchmark bench = new MatchBenchmark();
        bench.entries = 2_000;
        bench.build();
        Blackhole sink = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 10_000; i++) {
            bench.match(sink); // past the end of the read mix: it wraps round
        }
        assertThat(bench.hitShareOfReadMix())
                .as("30 % of the mix are listed plates, most read or misread within the matcher's reach")
                .isBetween(0.2, 0.3);
    }
}
