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
    void theUkShapeCheckAgreesWithTheRegistrationPatterns() {
        java.util.regex.Pattern uk = java.util.regex.Pattern.compile(
                "[A-Z]{2}[0-9]{2}[A-Z]{3}|[A-Z][0-9]{1,3}[A-Z]{3}|[A-Z]{3}[0-9]{1,3}[A-Z]|[A-Z]{1,3}[0-9]{1,4}|[0-9]{1,4}[A-Z]{1,3}");
        java.util.Random r = new java.util.Random(5);
        int uks = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + r.nextInt(10);
            boolean letters = r.nextBoolean();
            while (sb.length() < len) {
                // runs of letters and digits, so that plate-like shapes come up often
                int run = 1 + r.nextInt(4);
                for (int k = 0; k < run && sb.length() < len; k++) {
                    sb.append(letters ? (char) ('A' + r.nextInt(26)) : (char) ('0' + r.nextInt(10)));
                }
                letters = !letters;
            }
            String plate = sb.toString();
            boolean expected = uk.matcher(plate).matches();
            uks += expected ? 1 : 0;
            assertThat(Plate.isUkFormat(plate)).as(plate).isEqualTo(expected);
        }
        assertThat(uks).isGreaterThan(10_000);
    }

    @Test
    void nonPlatesAreRejectedWithAReason() {
        assertThat(reason(null)).contains("missing");
        assertThat(reason(" - ")).contains("empty");
        assertThat(reason("'; DROP TABLE plate_read;--")).contains("characters other than letters");
        assertThat(reason("ÄB12CDE")).contains("characters other than letters");
        assertThat(reason("ßB12CDE")).contains("characters other than letters"); // not upper-cased into SS
        assertThat(reason("AB12\u0000CDE")).contains("characters other than letters");
        assertThat(reason("AB12CDEFGHIJ")).contains("longer than 10");
    }

    @Test
    void anInvalidPlateCannotBeConstructed() {
        assertThatThrownBy(() -> new Plate("ab12cde", true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Plate("AB12CDE", false)).hasMessageContaining("ukFormat");
    }
}
