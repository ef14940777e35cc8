package org.sightline.ingest.unitstatus.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SilentCameraRuleTest {

    private final SilentCameraRule rule = SilentCameraRule.standard();

    @Test
    void aCameraFarBelowItsOwnBaselineForThisHourIsFlaggedWithTheEvidence() {
        assertThat(rule.evidence(3, new long[] {48, 52, 0, 44})).hasValueSatisfying(e ->
                assertThat(e).contains("3 reads in the last hour against 48 on average").contains("(3 weeks)"));
    }

    @Test
    void normalQuietOrNewCamerasAreLeftAlone() {
        assertThat(rule.evidence(30, new long[] {48, 52, 44, 40})).isEmpty();   // a quieter hour, not silent
        assertThat(rule.evidence(0, new long[] {5, 4, 6, 3})).isEmpty();        // a quiet hour of the week anyway
        assertThat(rule.evidence(0, new long[] {60, 0, 0, 0})).isEmpty();       // one week of history is too little
    }
}
