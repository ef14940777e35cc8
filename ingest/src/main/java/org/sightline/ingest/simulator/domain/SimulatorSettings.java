package org.sightline.ingest.simulator.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated fleet behaves.
 *
 * @param vehiclesPerMinute journeys started per minute across the area
 * @param misreadRate share of reads with an OCR confusion (about 0.03 on real engines)
 * @param duplicateRate share of messages delivered twice
 * @param malformedRate share of messages replaced by malformed ones
 * @param heartbeatInterval how often each unit sends its heartbeat
 * @param outageEvery how often one unit drops off the network (zero: never)
 * @param outageLength how long it stays away, buffering its reads, before it sends them as a backlog
 * @param silentCameras cameras that stop producing reads although they report themselves healthy
 * @param seed random seed (same seed, same plates, journeys and misreads)
 * @param alternativesRate share of reads sent with the OCR's alternative readings (look-alikes);
 *                         see {@link OcrReadings}
 * @param misreadTruthRate share of misreads whose alternatives hold the true plate
 */
public record SimulatorSettings(double vehiclesPerMinute, double misreadRate, double duplicateRate, double malformedRate,
                                Duration heartbeatInterval, Duration outageEvery, Duration outageLength, int silentCameras,
                                long seed, double alternativesRate, double misreadTruthRate) {

    /** Share of reads sent with alternatives unless told otherwise. */
    public static final double DEFAULT_ALTERNATIVES_RATE = 0.4;
    /** Share of misreads with the true plate among their alternatives unless told otherwise. */
    public static final double DEFAULT_MISREAD_TRUTH_RATE = 0.85;

    public SimulatorSettings {
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(outageEvery, "outageEvery");
        Objects.requireNonNull(outageLength, "outageLength");
        if (!(vehiclesPerMinute > 0 && vehiclesPerMinute <= 100_000)) {
            throw new IllegalArgumentException("vehicles per minute must be in (0, 100000], was " + vehiclesPerMinute);
        }
        rate("misread rate", misreadRate);
        rate("duplicate rate", duplicateRate);
        rate("malformed rate", malformedRate);
        rate("alternatives rate", alternativesRate);
        rate("misread truth rate", misreadTruthRate);
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive");
        }
        if (outageEvery.isNegative() || outageLength.isNegative()) {
            throw new IllegalArgumentException("outage durations must not be negative");
        }
        if (silentCameras < 0) {
            throw new IllegalArgumentException("silent cameras must not be negative");
        }
    }

    /** Settings with the default share of alternatives. */
    public SimulatorSettings(double vehiclesPerMinute, double misreadRate, double duplicateRate, double malformedRate,
                             Duration heartbeatInterval, Duration outageEvery, Duration outageLength, int silentCameras, long seed) {
        this(vehiclesPerMinute, misreadRate, duplicateRate, malformedRate, heartbeatInterval, outageEvery, outageLength,
                silentCameras, seed, DEFAULT_ALTERNATIVES_RATE, DEFAULT_MISREAD_TRUTH_RATE);
    }

    /** The defaults of {@code sightline simulate}. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(120, 0.03, 0.01, 0.002, Duration.ofSeconds(30), Duration.ofMinutes(5),
                Duration.ofMinutes(2), 1, 1);
    }

    private static void rate(String what, double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1, was " + r);
        }
    }
}
