package org.sightline.ingest.read.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlateTest {

    private static Plate ok(String raw) {
        Checked<Plate> c = Plate.parse(raw);
        assertThat(c).isInstanceOf(Checked.Ok.class);
        return ((Checked.Ok<Plate>) c).value();
    }

    private static String reason(String raw) {
        Checked<Plate> c = Plate.parse(raw);
        assertThat(c).isInstanceOf(Checked.Rejected.class);
        return ((Checked.Rejected<Plate>) c).reason();
    }

    @Test
    void spacesDashesAndCaseAreNormalisedAway() {
        assertThat(ok(" ab12 cde ").value()).isEqualTo("AB12CDE");
        assertThat(ok("ab-12-cde").value()).isEqualTo("AB12CDE");
        assertThat(ok("AB\t12CDE").value()).isEqualTo("AB12CDE");
    }

    @Test
    void ukShapesAreRecognisedAndForeignPlatesAcceptedWithoutTheFlag() {
        assertThat(ok("AB12CDE").ukFormat()).isTrue();   // current
        assertThat(ok("A123BCD").ukFormat()).isTrue();   // prefix
        assertThat(ok("ABC123D").ukFormat()).isTrue();   // suffix
        assertThat(ok("ABZ1234").ukFormat()).isTrue();   // Northern Ireland
        assertThat(ok("1ABC").ukFormat()).isTrue();      // dateless
        assertThat(ok("WDB12345X").ukFormat()).isFalse(); // German-style
        assertThat(ok("1ABC234").ukFormat()).isFalse();  // French SIV without dashes
    }

    @Test
    void nonPlatesAreRejectedWithAReason() {
        assertThat(reason(null)).contains("missing");
        assertThat(reason(" - ")).contains("empty");
        assertThat(reason("'; DROP TABLE plate_read;--")).contains("characters other than letters");
        assertThat(reason("ÄB12CDE")).contains("characters other than letters");
        assertThat(reason("AB12CDEFGHIJ")).contains("longer than 10");
    }

    @Test
    void anInvalidPlateCannotBeConstructed() {
        assertThatThrownBy(() -> new Plate("ab12cde", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plate("AB12CDE", false)).hasMessageContaining("ukFormat");
    }
}
