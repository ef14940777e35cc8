package org.sightline.alerting.match.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlateGrammarTest {

    final UkPlateGrammar grammar = new UkPlateGrammar();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            AB12CDE  | current (AB12CDE)
            AB02CDE  | current (AB12CDE)
            A123BCD  | prefix (A123BCD)
            P7ABC    | prefix (A123BCD)
            ABC123D  | suffix (ABC123D)
            ABZ1234  | dateless (ABC1234)
            A1       | dateless (ABC1234)
            1234AB   | dateless (1234ABC)
            """)
    void recognisesUkShapes(String plate, String format) {
        assertThat(grammar.formatOf(plate)).hasToString(format);
    }

    @ParameterizedTest(name = "{0} is not a UK plate")
    @CsvSource(textBlock = """
            AB1OCDE
            AB12CDI
            AB12QDE
            ZA12CDE
            A023BCD
            ABC123I
            WOB1234X
            0123AB
            AB12CD
            """)
    void refusesShapesNeverIssued(String plate) {
        assertThat(grammar.isWellFormed(plate)).isFalse();
    }

    @Test
    void confusionClassesAreCheckedAndCanonical() {
        OcrConfusions c = OcrConfusions.standard();
        assertThat(c.canonicalKey("ABOD1ISZ")).isEqualTo("A8001152");
        assertThat(c.confusable('Q', 'D')).isTrue();
        assertThat(c.confusable('E', 'F')).isFalse();
        assertThatThrownBy(() -> OcrConfusions.parse("0O,O8")).hasMessageContaining("more than one");
        assertThatThrownBy(() -> OcrConfusions.parse("0")).hasMessageContaining("at least two");
        assertThatThrownBy(() -> OcrConfusions.parse("0o")).hasMessageContaining("only A-Z and 0-9");
    }
}
