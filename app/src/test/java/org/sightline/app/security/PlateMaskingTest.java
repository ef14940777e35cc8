package org.sightline.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sightline.app.logging.PlateMasking;

class PlateMaskingTest {

    @Test
    void masksCurrentAndOlderGbFormatsKeepingTheFirstTwoCharacters() {
        assertThat(PlateMasking.mask("read AB12CDE at camera C7")).isEqualTo("read AB***** at camera C7");
        assertThat(PlateMasking.mask("plate AB12 CDE seen")).isEqualTo("plate AB** *** seen");
        assertThat(PlateMasking.mask("A123BCD and ABC123D")).isEqualTo("A1***** and AB*****");
    }

    @Test
    void leavesIdsHashesAndOrdinaryTextAlone() {
        String text = "unit U-0042 camera CAM12 read 3f2a9c1e-AB12CDE0 in 120 ms";
        assertThat(PlateMasking.mask(text)).isEqualTo(text);
        assertThat(PlateMasking.mask("Sightline started in 1532 ms")).isEqualTo("Sightline started in 1532 ms");
    }
}
