package org.sightline.ingest.simulator.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * What a unit's OCR reports for a plate that passed its camera: the plate it read (the true one,
 * or a misread with one look-alike character), its confidence, and for some reads the other
 * readings the engine considered (the read's {@code alternatives}, best first, each less confident
 * than the reading). A correct read carries look-alikes of its plate; a misread carries the true
 * plate among its alternatives at the configured rate (an engine that misread a character
 * usually ranked the right one close behind) and otherwise only look-alikes of its wrong reading.
 *
 * <p>The reading itself draws from the fleet's random source exactly as before alternatives
 * existed; the alternatives draw from a source of their own, so a seed gives the same plates,
 * journeys and misreads (the same ground truth) with or without them.
 */
public final class OcrReadings {

    /** One alternative reading and its confidence (0 to 1). */
    public record Alternative(String plate, double confidence) {
        public Alternative {
            Objects.requireNonNull(plate, "plate");
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence must be 0-1, was " + confidence);
            }
        }
    }

    /** What the unit reports; {@code alternatives} may be empty. */
    public record Reading(String plate, double confidence, List<Alternative> alternatives) {
        public Reading {
            Objects.requireNonNull(plate, "plate");
            alternatives = List.copyOf(alternatives);
        }
    }

    private static final int MAX_LOOK_ALIKES = 3;

    private final Random random;
    private final PlateFactory plates;
    private final Random alternativesRandom;
    private final PlateFactory lookAlikes;
    private final double misreadRate;
    private final double alternativesRate;
    private final double misreadTruthRate;

    /**
     * @param random the fleet's random source (misreads and confidences)
     * @param alternativesSeed seed of the alternatives' own random source
     * @param misreadRate share of reads with an OCR confusion
     * @param alternativesRate share of reads (correct ones, and misreads without the true plate) sent with look-alikes
     * @param misreadTruthRate share of misreads whose alternatives hold the true plate
     */
    public OcrReadings(Random random, long alternativesSeed, double misreadRate, double alternativesRate, double misreadTruthRate) {
        this.random = random;
        this.plates = new PlateFactory(random);
        this.alternativesRandom = new Random(alternativesSeed);
        this.lookAlikes = new PlateFactory(alternativesRandom);
        this.misreadRate = misreadRate;
        this.alternativesRate = alternativesRate;
        this.misreadTruthRate = misreadTruthRate;
    }

    /** How the unit reads this plate. */
    public Reading read(String truePlate) {
        boolean misread = random.nextDouble() < misreadRate;
        String plate = misread ? plates.misread(truePlate) : truePlate;
        double confidence = misread ? 0.55 + 0.3 * random.nextDouble() : 0.8 + 0.2 * random.nextDouble();
        confidence = Math.round(confidence * 100) / 100.0;
        List<String> others = new ArrayList<>();
        if (!plate.equals(truePlate) && alternativesRandom.nextDouble() < misreadTruthRate) {
            others.add(truePlate);
            others.addAll(lookAlikes(plate, truePlate, alternativesRandom.nextInt(MAX_LOOK_ALIKES)));
        } else if (alternativesRandom.nextDouble() < alternativesRate) {
            others.addAll(lookAlikes(plate, truePlate, 1 + alternativesRandom.nextInt(MAX_LOOK_ALIKES)));
        }
        List<Alternative> alternatives = new ArrayList<>();
        double c = confidence;
        for (String other : others) {
            c = Math.max(0.05, Math.round((c - 0.02 - 0.2 * alternativesRandom.nextDouble()) * 100) / 100.0);
            alternatives.add(new Alternative(other, c));
        }
        return new Reading(plate, confidence, alternatives);
    }

    // other readings an engine would consider: one look-alike character away from what it read,
    // never the reading itself nor (here) the true plate, which the caller places on purpose
    private List<String> lookAlikes(String reading, String truePlate, int count) {
        Set<String> out = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 4 * count && out.size() < count; attempt++) {
            String other = lookAlikes.misread(reading);
            if (!other.equals(reading) && !other.equals(truePlate)) {
                out.add(other);
            }
        }
        return new ArrayList<>(out);
    }
}
