package org.sightline.ingest.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The simulated OCR sends alternatives for a realistic share of reads, puts the true plate among
 * them for most misreads, never repeats the reading, ranks them below it, and leaves the readings
 * themselves (the ground truth) as they were without alternatives.
 */
class OcrReadingsTest {

    private static final int READS = 20_000;

    private static List<String> truePlates(long seed) {
        PlateFactory plates = new PlateFactory(new Random(seed));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            out.add(plates.newPlate());
        }
        return out;
    }

    @Test
    void alternativesComeWithARealisticShareOfReadsAndHoldTheTruePlateForMostMisreads() {
        OcrReadings ocr = new OcrReadings(new Random(3), 99, 0.03, 0.4, 0.85);
        int withAlternatives = 0;
        int misreads = 0;
        int misreadsWithTruth = 0;
        for (String truth : truePlates(5)) {
            OcrReadings.Reading r = ocr.read(truth);
            List<String> alternatives = r.alternatives().stream().map(OcrReadings.Alternative::plate).toList();
            if (!alternatives.isEmpty()) {
                withAlternatives++;
            }
            assertThat(alternatives).doesNotContain(r.plate()).doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(4);
            assertThat(alternatives).allMatch(p -> p.matches("[A-Z0-9]{1,10}"));
            double previous = r.confidence();
            for (OcrReadings.Alternative a : r.alternatives()) {
                assertThat(a.confidence()).isLessThan(previous).isGreaterThan(0);
                previous = a.confidence();
            }
            if (!r.plate().equals(truth)) {
                misreads++;
                misreadsWithTruth += alternatives.contains(truth) ? 1 : 0;
            }
        }
        assertThat(misreads).isBetween(400, 800); // 3 % of 20,000, less plates without a confusable character
        assertThat((double) misreadsWithTruth / misreads).isBetween(0.78, 0.92);
        assertThat((double) withAlternatives / READS).isBetween(0.36, 0.46);
    }

    @Test
    void theReadingsAreTheSameWithOrWithoutAlternatives() {
        OcrReadings with = new OcrReadings(new Random(11), 42, 0.2, 0.4, 0.85);
        OcrReadings without = new OcrReadings(new Random(11), 42, 0.2, 0, 0);
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        int alternatives = 0;
        for (String truth : truePlates(7).subList(0, 2_000)) {
            OcrReadings.Reading x = with.read(truth);
            OcrReadings.Reading y = without.read(truth);
            a.add(x.plate() + " " + x.confidence());
            b.add(y.plate() + " " + y.confidence());
            alternatives += x.alternatives().size();
            assertThat(y.alternatives()).isEmpty();
        }
        assertThat(a).isEqualTo(b);
        assertThat(alternatives).isPositive();
        assertThat(new HashSet<>(a)).hasSizeGreaterThan(1_000);
    }
}
