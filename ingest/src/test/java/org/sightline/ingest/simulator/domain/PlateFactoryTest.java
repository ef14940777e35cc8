package org.sightline.ingest.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.read.domain.Plate;

class PlateFactoryTest {

    private final PlateFactory plates = new PlateFactory(new Random(3));

    @Test
    void newPlatesAreCurrentStyleUkRegistrations() {
        for (int i = 0; i < 500; i++) {
            String p = plates.newPlate();
            assertThat(p).matches("[A-Z]{2}[0-9]{2}[A-Z]{3}");
            assertThat(Plate.isUkFormat(p)).isTrue();
        }
    }

    @Test
    void aMisreadChangesOneConfusableCharacterForALookAlike() {
        assertThat(plates.misread("AB12CDE")).isNotEqualTo("AB12CDE").hasSize(7);
        for (int i = 0; i < 200; i++) {
            String m = plates.misread("OB81SZD");
            int diff = 0;
            for (int k = 0; k < 7; k++) {
                if (m.charAt(k) != "OB81SZD".charAt(k)) {
                    diff++;
                    assertThat("0OD1I5S8B2Z").contains(String.valueOf(m.charAt(k)));
                }
            }
            assertThat(diff).isEqualTo(1);
        }
        assertThat(plates.misread("XXXX")).isEqualTo("XXXX");
    }
}
