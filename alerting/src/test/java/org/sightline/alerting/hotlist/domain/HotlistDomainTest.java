package org.sightline.alerting.hotlist.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HotlistDomainTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ab12 cde    | AB12CDE
            AB-12-CDE   | AB12CDE
            ' ab 12cde' | AB12CDE
            w0b1234x    | W0B1234X
            """)
    void platesAreNormalised(String raw, String normalised) {
        assertThat(PlateNumber.parse(raw)).contains(new PlateNumber(normalised));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''            | plate is empty
            ' - '         | plate is empty
            AB12CDE12345  | plate is longer than 10 characters (12)
            AB12_CDE      | plate may hold only letters A-Z and digits, was 'AB12_CDE'
            ÄB12CDE       | plate may hold only letters A-Z and digits, was 'ÄB12CDE'
            """)
    void badPlatesAreExplained(String raw, String problem) {
        assertThat(PlateNumber.problem(raw)).contains(problem);
        assertThat(PlateNumber.parse(raw)).isEmpty();
    }

    @Test
    void entryValidatesItsFields() {
        PlateNumber p = new PlateNumber("AB12CDE");
        UUID id = UUID.randomUUID();
        assertThatThrownBy(() -> new HotlistEntry(id, "stolen", p, "r", 101, "", false, "", NOW, NOW.plusSeconds(1), "u", NOW))
                .hasMessageContaining("priority must be 0-100");
        assertThatThrownBy(() -> new HotlistEntry(id, "stolen", p, " ", 1, "", false, "", NOW, NOW.plusSeconds(1), "u", NOW))
                .hasMessageContaining("reason must not be empty");
        assertThatThrownBy(() -> new HotlistEntry(id, "Stolen!", p, "r", 1, "", false, "", NOW, NOW.plusSeconds(1), "u", NOW))
                .hasMessageContaining("unknown list code");
        assertThatThrownBy(() -> new HotlistEntry(id, "stolen", p, "r", 1, "", false, "", NOW, NOW, "u", NOW))
                .hasMessageContaining("must be after valid-from");
        assertThatThrownBy(() -> new HotlistEntry(id, "stolen", p, "r\u0007", 1, "", false, "", NOW, NOW.plusSeconds(1), "u", NOW))
                .hasMessageContaining("control characters");
    }

    @Test
    void expiryDefaultsToThirtyDaysAndIsCapped() {
        EntryRules rules = new EntryRules(Duration.ofDays(30), Duration.ofDays(90));
        assertThat(rules.expiry(NOW, Optional.empty(), NOW).expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(rules.expiry(NOW, Optional.of(NOW.plus(Duration.ofDays(90))), NOW).ok()).isTrue();
        assertThat(rules.expiry(NOW, Optional.of(NOW.plus(Duration.ofDays(91))), NOW).problem())
                .contains("more than the maximum of 90 days");
        assertThat(rules.expiry(NOW.minus(Duration.ofDays(10)), Optional.of(NOW.minusSeconds(1)), NOW).problem())
                .contains("is in the past");
        assertThatThrownBy(() -> new EntryRules(Duration.ofDays(30), Duration.ofDays(7)))
                .hasMessageContaining("must not be shorter than the default");
    }

    @Test
    void listCodesAreShortLowerCaseWords() {
        assertThat(new Hotlist("ocg-intel", "Organised crime", HotlistKind.ORGANISED_CRIME, AlertScope.ANYWHERE, true)
                .covert()).isTrue();
        assertThatThrownBy(() -> new Hotlist("OCG", "x", HotlistKind.OTHER, AlertScope.ANYWHERE, false))
                .hasMessageContaining("hotlist code");
    }
}
