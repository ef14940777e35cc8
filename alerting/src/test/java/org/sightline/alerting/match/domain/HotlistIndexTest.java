package org.sightline.alerting.match.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.PlateNumber;

class HotlistIndexTest {

    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    static HotlistEntry entry(String plate) {
        return entry(plate, 50, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)));
    }

    static HotlistEntry entry(String plate, int priority, Instant from, Instant to) {
        return new HotlistEntry(UUID.randomUUID(), "stolen", new PlateNumber(plate), "reported stolen", priority,
                "observe only", false, "test", from, to, "supervisor1", from);
    }

    static HotlistIndex index(MatchSettings settings, String... plates) {
        HotlistIndex index = new HotlistIndex(settings, 16);
        for (String p : plates) {
            index.put(entry(p));
        }
        return index;
    }

    static List<Match> match(HotlistIndex index, String read) {
        return index.match(ReadCandidates.of(read), NOW);
    }

    @ParameterizedTest(name = "{0} read as {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            AB12CDE  | AB12CDE  | exact
            AB02CDE  | ABO2CDE  | fuzzy: O→0 at position 3 (only digits there)
            AB10CDE  | AB1OCDE  | fuzzy: O→0 at position 4 (only digits there)
            AB10CDE  | AB1DCDE  | fuzzy: D→0 at position 4 (only digits there)
            AB12CDE  | A812CDE  | fuzzy: 8→B at position 2 (only letters there)
            ABC123D  | ABC1230  | fuzzy: 0→D at position 7 (only letters there)
            AB12COE  | AB1ZCOE  | fuzzy: Z→2 at position 4 (only digits there)
            AB15CDE  | AB1SCDE  | fuzzy: S→5 at position 4 (only digits there)
            AB16CDE  | AB1GCDE  | fuzzy: G→6 at position 4 (only digits there)
            AB12CDE  | ABI2CDE  | fuzzy: I→1 at position 3 (only digits there)
            AB11CDE  | ABIICDE  | fuzzy: I→1 at position 3 (only digits there); I→1 at position 4 (only digits there)
            AB17CDE  | AB1TCDE  | fuzzy: T→7 at position 4 (only digits there)
            AB12CDE  | AB12CDI  | fuzzy: I→E at position 7 (I is not issued there)
            AB12CDE  | AB1Z2CDE | fuzzy: extra Z before position 4
            AB12CDE  | AB12CDEE | fuzzy: extra E before position 7
            A123BCD  | A12TBCD  | fuzzy: T→3 at position 4 (only digits there)
            ABC123D  | A8C123D  | fuzzy: 8→B at position 2 (only letters there)
            """)
    void explainsEveryMatch(String listed, String read, String explanation) {
        List<Match> matches = match(index(MatchSettings.standard(), listed), read);
        assertThat(matches).singleElement().satisfies(m -> assertThat(m.explanation()).isEqualTo(explanation));
    }

    @Test
    void exactAndFuzzyAreGradedApart() {
        HotlistIndex index = index(MatchSettings.standard(), "AB12CDE", "AB17CDE");
        assertThat(match(index, "AB12CDE")).extracting(Match::grade).containsExactly(MatchGrade.EXACT);
        // a Z among the digits is a 2 (its class mate), never any other digit
        assertThat(match(index, "AB1ZCDE")).extracting(Match::grade).containsExactly(MatchGrade.OCR_EQUIVALENT);
        // a T among the digits has no class mate there: it may stand for any digit
        assertThat(match(index, "AB1TCDE")).extracting(Match::grade)
                .containsExactly(MatchGrade.ONE_EDIT, MatchGrade.ONE_EDIT);
    }

    @ParameterizedTest(name = "{0} read as {1} is not a match")
    @CsvSource(delimiter = '|', textBlock = """
            AB12CDE  | AB12CDF
            AB12CDE  | AB13CDE
            AB12CDE  | XB12CDE
            AB12CDE  | B12CDE
            AB12CDE  | AB12COE
            AB12CDE  | AB12CD
            AB17CDE  | AB1OCDE
            A123BCD  | A12BBCD
            AB12CDE  | AB12CD3X
            AB17CDE  | ABTTCDE
            AB12CDE  | AB21CDE
            AB12CDE  | AB12
            WOB1234X | W0B1234X
            WOB1234X | WOB1234
            AB12CDE  | AB1ZCOE
            AB12CDE  | AB12COEE
            AB12CDE  | AB12C0E
            """)
    void refusesWhatTheGrammarDoesNotExplain(String listed, String read) {
        assertThat(match(index(MatchSettings.standard(), listed), read)).isEmpty();
    }

    @Test
    void anyRuleAllowsAFreeSubstitutionInAWellFormedReading() {
        MatchSettings any = new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.ANY, true);
        assertThat(match(index(any, "AB12CDE"), "AB12CDF")).singleElement()
                .satisfies(m -> assertThat(m.explanation()).isEqualTo("fuzzy: F→E at position 7"));
        assertThat(match(index(any, "AB12CDE"), "B12CDE")).singleElement()
                .satisfies(m -> assertThat(m.explanation()).isEqualTo("fuzzy: missing A at position 1"));
    }

    @Test
    void aCharacterTheGrammarBendsTwoWaysMatchesOnlyWhenSwitchedOn() {
        // a 0 among the letters of a current plate may be an O or a D: the reading is one of two plates
        assertThat(match(index(MatchSettings.standard(), "AB12CDE", "AB12COE"), "AB12C0E")).isEmpty();
        MatchSettings on = new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR, false, true);
        assertThat(match(index(on, "AB12CDE", "AB12COE"), "AB12C0E")).extracting(Match::explanation)
                .containsExactlyInAnyOrder("fuzzy: 0→D at position 6 (only letters there)",
                        "fuzzy: 0→O at position 6 (only letters there)");
        // a 0 where only one class mate fits (a suffix plate's year letter is never O) is bent anyway
        assertThat(match(index(MatchSettings.standard(), "ABC123D"), "ABC1230")).hasSize(1);
        // and the unit's alternative reading finds the ambiguous one
        ReadCandidates withAlternative = new ReadCandidates(new PlateReading("AB12C0E", 0.7),
                List.of(new PlateReading("AB12CDE", 0.3)));
        assertThat(index(MatchSettings.standard(), "AB12CDE").match(withAlternative, NOW)).hasSize(1);
    }

    @Test
    void missingCharactersAreRestoredOnlyWhenSwitchedOn() {
        MatchSettings on = new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR, true);
        assertThat(match(index(on, "AB12CDE"), "AB12CD")).singleElement()
                .satisfies(m -> assertThat(m.explanation()).isEqualTo("fuzzy: missing E at position 7"));
        // a shortened reading that is itself a well-formed plate is not bent
        assertThat(match(index(on, "AB12CDE"), "B12CDE")).isEmpty();
        assertThat(match(index(MatchSettings.standard(), "AB12CDE"), "AB12CD")).isEmpty();
    }

    @Test
    void withoutFreeEditsOnlyConfusionsMatch() {
        MatchSettings none = new MatchSettings(OcrConfusions.standard(), 0, FreeEditRule.GRAMMAR);
        HotlistIndex index = index(none, "AB17CDE", "AB10CDE");
        assertThat(match(index, "AB1TCDE")).isEmpty();
        assertThat(match(index, "AB12CD")).isEmpty();
        assertThat(match(index, "AB1OCDE")).extracting(m -> m.entry().plate().value()).containsExactly("AB10CDE");
    }

    @Test
    void confusionClassesAreConfigurable() {
        MatchSettings noClasses = new MatchSettings(OcrConfusions.parse(""), 0, FreeEditRule.GRAMMAR);
        assertThat(match(index(noClasses, "AB10CDE"), "AB1OCDE")).isEmpty();
        MatchSettings custom = new MatchSettings(OcrConfusions.parse("0O,7T"), 0, FreeEditRule.GRAMMAR);
        HotlistIndex index = index(custom, "AB17CDE", "AB10CDE", "AB12CDE");
        assertThat(match(index, "AB1TCDE")).extracting(Match::explanation)
                .containsExactly("fuzzy: T→7 at position 4 (only digits there)");
        assertThat(match(index, "AB1DCDE")).isEmpty();
        assertThat(match(index, "AB1ZCDE")).isEmpty();
    }

    @Test
    void usesTheUnitsAlternativeReadings() {
        HotlistIndex index = index(MatchSettings.standard(), "AB12CDE");
        ReadCandidates read = new ReadCandidates(new PlateReading("AB12CDF", 0.62),
                List.of(new PlateReading("AB12CBF", 0.2), new PlateReading("AB12CDE", 0.41)));
        assertThat(index.match(read, NOW)).singleElement().satisfies(m -> {
            assertThat(m.alternative()).isTrue();
            assertThat(m.grade()).isEqualTo(MatchGrade.EXACT);
            assertThat(m.explanation()).isEqualTo("alternative reading AB12CDE (0.41): exact");
        });
    }

    @Test
    void alternativesOfAConfidentReadingAreNotConsulted() {
        HotlistIndex index = index(MatchSettings.standard(), "AB12CDE");
        // a confident reading is taken as it is: its look-alikes would now and then be listed plates
        ReadCandidates confident = new ReadCandidates(new PlateReading("AB12CDF", 0.9),
                List.of(new PlateReading("AB12CDE", 0.41)));
        assertThat(index.match(confident, NOW)).isEmpty();
        MatchSettings always = new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR, false, false, 1.0);
        assertThat(index(always, "AB12CDE").match(confident, NOW)).singleElement()
                .satisfies(m -> assertThat(m.alternative()).isTrue());
        // of a doubtful reading, only the engine's runner-up: a third look-alike is one more chance to meet a listed plate
        ReadCandidates doubtful = new ReadCandidates(new PlateReading("AB12CDF", 0.6),
                List.of(new PlateReading("AB12CBF", 0.2), new PlateReading("AB12CDE", 0.41), new PlateReading("AB12CEF", 0.1)));
        assertThat(index(MatchSettings.standard(), "AB12CDE", "AB12CEF").match(doubtful, NOW)).singleElement()
                .satisfies(m -> assertThat(m.entry().plate().value()).isEqualTo("AB12CDE"));
        assertThatThrownBy(() -> new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR, false, false, 1.5))
                .hasMessageContaining("alternativesBelowConfidence must be between 0 and 1");
    }

    @Test
    void primaryReadingWinsOverAnEquallyGoodAlternative() {
        HotlistIndex index = index(MatchSettings.standard(), "AB12CDE");
        ReadCandidates read = new ReadCandidates(new PlateReading("AB12CDE", 0.9),
                List.of(new PlateReading("AB12CDE", 0.3)));
        assertThat(index.match(read, NOW)).singleElement().satisfies(m -> assertThat(m.alternative()).isFalse());
    }

    @Test
    void oneReadCanHitSeveralEntriesBestFirst() {
        HotlistIndex index = new HotlistIndex(MatchSettings.standard(), 4);
        Instant from = NOW.minusSeconds(60);
        Instant to = NOW.plusSeconds(60);
        for (int priority : new int[] {20, 90, 10}) {
            index.put(entry("AB10CDE", priority, from, to));
        }
        HotlistEntry exact = entry("AB12CDE", 5, from, to);
        index.put(exact);
        index.put(entry("A812CDE", 99, from, to));
        List<Match> matches = match(index, "AB12CDE");
        assertThat(matches).extracting(Match::grade).containsExactly(MatchGrade.EXACT, MatchGrade.OCR_EQUIVALENT);
        assertThat(matches.get(0).entry()).as("grade goes before priority").isEqualTo(exact);
        assertThat(match(index, "AB1OCDE")).filteredOn(m -> m.grade() == MatchGrade.OCR_EQUIVALENT)
                .extracting(m -> m.entry().priority()).containsExactly(90, 20, 10);
    }

    @Test
    void cleanReadsOfUnlistedPlatesRarelyAlertEvenWithALargeList() {
        java.util.Random random = new java.util.Random(7);
        java.util.Set<String> listed = new java.util.HashSet<>();
        HotlistIndex grammar = new HotlistIndex(MatchSettings.standard(), 200_000);
        HotlistIndex any = new HotlistIndex(new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.ANY), 200_000);
        while (listed.size() < 200_000) {
            String plate = PlateGenerator.current(random);
            if (listed.add(plate)) {
                HotlistEntry e = entry(plate);
                grammar.put(e);
                any.put(e);
            }
        }
        int reads = 0;
        int grammarHits = 0;
        int anyHits = 0;
        while (reads < 20_000) {
            String plate = PlateGenerator.current(random);
            if (listed.contains(plate)) {
                continue;
            }
            reads++;
            grammarHits += match(grammar, plate).isEmpty() ? 0 : 1;
            anyHits += match(any, plate).isEmpty() ? 0 : 1;
        }
        // a clean, well-formed read is only bent where the grammar forces it: it meets no other plate
        assertThat(grammarHits).as("false hits per 20,000 clean reads, grammar rule").isLessThanOrEqualTo(2);
        assertThat(anyHits).as("false hits per 20,000 clean reads, any-edit rule").isGreaterThan(10 * Math.max(1, grammarHits));
    }

    @Test
    void entriesMatchOnlyWhileLive() {
        HotlistIndex index = new HotlistIndex(MatchSettings.standard(), 4);
        index.put(entry("AB12CDE", 50, NOW.plusSeconds(60), NOW.plus(Duration.ofDays(1))));
        index.put(entry("XY12ZZZ", 50, NOW.minus(Duration.ofDays(2)), NOW));
        assertThat(match(index, "AB12CDE")).isEmpty();
        assertThat(index.match(ReadCandidates.of("AB12CDE"), NOW.plusSeconds(60))).hasSize(1);
        assertThat(match(index, "XY12ZZZ")).as("expiry is exclusive").isEmpty();
        assertThat(index.match(ReadCandidates.of("XY12ZZZ"), NOW.minusSeconds(1))).hasSize(1);
    }

    @Test
    void removedAndReplacedEntriesStopMatching() {
        HotlistIndex index = new HotlistIndex(MatchSettings.standard(), 4);
        HotlistEntry e = entry("AB12CDE");
        index.put(e);
        index.put(entry("ZZ12ZZZ"));
        assertThat(index.remove(e.id())).isTrue();
        assertThat(index.remove(e.id())).isFalse();
        assertThat(match(index, "AB12CDE")).isEmpty();
        assertThat(match(index, "AB12CD")).isEmpty();
        HotlistEntry moved = new HotlistEntry(e.id(), "stolen", new PlateNumber("ZZ99ZZA"), "r", 1, "", false, "",
                e.validFrom(), e.expiresAt(), "u", e.createdAt());
        index.put(moved);
        assertThat(index.size()).isEqualTo(2);
        assertThat(match(index, "ZZ99ZZA")).extracting(Match::entry).containsExactly(moved);
    }

    @Test
    void indexFindsExactlyWhatAFullScanFinds() {
        // the index is an optimisation of PlateComparison over every entry: check it loses nothing
        java.util.Random random = new java.util.Random(42);
        for (MatchSettings settings : List.of(MatchSettings.standard(),
                new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.ANY))) {
            List<HotlistEntry> all = new ArrayList<>();
            HotlistIndex index = new HotlistIndex(settings, 3000);
            for (int i = 0; i < 3000; i++) {
                HotlistEntry e = entry(PlateGenerator.anyShape(random, i % 5 == 0 ? "0ODQ8B" : ""));
                all.add(e);
                index.put(e);
            }
            PlateComparison scan = new PlateComparison(settings, new UkPlateGrammar());
            UkPlateGrammar grammar = new UkPlateGrammar();
            int hits = 0;
            for (int i = 0; i < 4000; i++) {
                String read = PlateGenerator.misread(random, all.get(random.nextInt(all.size())).plate().value());
                List<UUID> expected = all.stream()
                        .filter(e -> scan.compare(read, e.plate().value(), grammar.formatOf(e.plate().value())) != null)
                        .map(HotlistEntry::id).sorted().toList();
                List<UUID> actual = match(index, read).stream().map(m -> m.entry().id()).sorted().toList();
                assertThat(actual).as("read %s (%s)", read, settings.freeEditRule()).isEqualTo(expected);
                hits += actual.size();
            }
            assertThat(hits).as("the misreads are close enough to hit often").isGreaterThan(1500);
        }
    }
}
