package org.sightline.geo.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void givesExactlyWhatParseDoubleGivesForCoordinatesAndOtherDecimals() {
        SplittableRandom random = new SplittableRandom(20240521);
        for (int i = 0; i < 200_000; i++) {
            int places = random.nextInt(0, 12);
            double value = random.nextDouble(-180, 180);
            String text = String.format(Locale.ROOT, "%." + places + "f", value);
            assertThat(Double.doubleToRawLongBits(Decimals.parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
        for (String text : new String[] {"-2.875002", "53.486621", "0", "-0", "-0.0", "+1.5", "1.", ".5", "007.25",
                "123456789012345", "1234567890123456", "0.1234567890123456789", "1e3", "-1.5E-3", " 2.5 ", "Infinity",
                "NaN", "0.000000000000001", "999999999999999.9"}) {
            assertThat(Double.doubleToRawLongBits(Decimals.parse(text))).as(text)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
        }
    }

    @Test
    void refusesWhatParseDoubleRefuses() {
        for (String text : new String[] {"", "-", ".", "1.2.3", "n/a", "53,4", "--1", "1-"}) {
            assertThatThrownBy(() -> Decimals.parse(text)).as(text).isInstanceOf(NumberFormatException.class);
        }
    }
}
