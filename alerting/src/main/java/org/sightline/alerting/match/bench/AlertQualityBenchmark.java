package org.sightline.alerting.match.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * Alert quality on alerting's own synthetic ground truth, a harsher error model than the
 * roadside-unit simulator's (see {@link SyntheticPlates}: besides OCR-class confusions, unrelated
 * substitutions, dropped and extra characters): a hotlist of N plates and a stream of reads of
 * which a share are listed vehicles. Scored by {@link MatchQuality}.
 */
public final class AlertQualityBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final PrintStream out;

    public AlertQualityBenchmark(PrintStream out) {
        this.out = out;
    }

    /**
     * @param entries hotlist size
     * @param reads reads simulated
     * @param listedShare share of reads that are of listed vehicles
     * @param misreadRate share of reads the camera gets wrong
     * @return one row per {@link MatchQuality#standardSettings()} setting
     */
    public List<MatchQuality.Row> run(int entries, int reads, double listedShare, double misreadRate, long seed) {
        SyntheticPlates gen = new SyntheticPlates(seed);
        List<HotlistEntry> list = new ArrayList<>(entries);
        Set<String> seen = new HashSet<>(entries * 2);
        while (list.size() < entries) {
            String p = gen.plate();
            if (seen.add(p)) {
                list.add(new HotlistEntry(new UUID(seed, list.size()), "bench", new PlateNumber(p), "benchmark", 50, "", false,
                        "bench", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)), "bench", NOW));
            }
        }
        List<MatchQuality.LabelledRead> stream = new ArrayList<>(reads);
        for (int r = 0; r < reads; r++) {
            String truth;
            if (gen.nextDouble() < listedShare) {
                truth = list.get(gen.nextInt(entries)).plate().value();
            } else {
                do {
                    truth = gen.plate();
                } while (seen.contains(truth));
            }
            stream.add(new MatchQuality.LabelledRead(ReadCandidates.of(gen.read(truth, misreadRate)), truth));
        }
        List<MatchQuality.Row> rows = MatchQuality.score(MatchQuality.standardSettings(), list, stream, NOW);
        out.printf(Locale.ROOT, "quality on alerting's synthetic reads (harsher errors: also unrelated, dropped and extra"
                + " characters): %,d entries, %,d reads (%.1f %% of listed vehicles, %.1f %% misread)%n", entries, reads,
                100 * listedShare, 100 * misreadRate);
        MatchQuality.print(out, rows);
        return rows;
    }
}
