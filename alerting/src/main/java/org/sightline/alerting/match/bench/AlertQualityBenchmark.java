package org.sightline.alerting.match.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.alerting.match.domain.FreeEditRule;
import org.sightline.alerting.match.domain.HotlistIndex;
import org.sightline.alerting.match.domain.Match;
import org.sightline.alerting.match.domain.MatchSettings;
import org.sightline.alerting.match.domain.OcrConfusions;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * Alert quality on synthetic ground truth: a hotlist of N plates, a stream of reads of which a
 * share are listed vehicles, each read misread with a given probability (see {@link
 * SyntheticPlates}). For each matcher setting: recall (share of reads of listed vehicles that
 * alert for their own entry) and false alerts (alerts for an entry that is not the vehicle read)
 * per 10,000 reads.
 */
public final class AlertQualityBenchmark {

    /** One setting's figures. */
    public record Row(String setting, double recall, double falsePer10k) {
    }

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
     */
    public List<Row> run(int entries, int reads, double listedShare, double misreadRate, long seed) {
        SyntheticPlates gen = new SyntheticPlates(seed);
        List<MatchSettings> settings = List.of(
                new MatchSettings(OcrConfusions.parse(""), 0, FreeEditRule.GRAMMAR),
                new MatchSettings(OcrConfusions.standard(), 0, FreeEditRule.GRAMMAR),
                MatchSettings.standard(),
                new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.GRAMMAR, true),
                new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.ANY, true));
        List<String> names = List.of("exact only", "OCR classes", "classes + grammar edit (default)",
                "default + missing characters", "classes + any edit");
        HotlistIndex[] indexes = new HotlistIndex[settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            indexes[s] = new HotlistIndex(settings.get(s), entries);
        }
        String[] listed = new String[entries];
        Set<String> seen = new HashSet<>(entries * 2);
        for (int i = 0; i < entries; ) {
            String p = gen.plate();
            if (seen.add(p)) {
                listed[i] = p;
                HotlistEntry e = new HotlistEntry(new UUID(seed, i), "bench", new PlateNumber(p), "benchmark", 50, "", false,
                        "bench", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)), "bench", NOW);
                for (HotlistIndex index : indexes) {
                    index.put(e);
                }
                i++;
            }
        }
        long[] hits = new long[settings.size()];
        long[] falses = new long[settings.size()];
        long listedReads = 0;
        for (int r = 0; r < reads; r++) {
            String truth;
            if (gen.nextDouble() < listedShare) {
                truth = listed[gen.nextInt(entries)];
                listedReads++;
            } else {
                do {
                    truth = gen.plate();
                } while (seen.contains(truth));
            }
            String read = gen.read(truth, misreadRate);
            ReadCandidates candidates = ReadCandidates.of(read);
            for (int s = 0; s < settings.size(); s++) {
                for (Match m : indexes[s].match(candidates, NOW)) {
                    if (m.entry().plate().value().equals(truth)) {
                        hits[s]++;
                    } else {
                        falses[s]++;
                    }
                }
            }
        }
        out.printf(Locale.ROOT, "quality: %,d entries, %,d reads (%.1f %% of listed vehicles, %.1f %% misread), "
                + "alerting's own synthetic reads with ground truth%n", entries, reads, 100 * listedShare, 100 * misreadRate);
        out.printf(Locale.ROOT, "  %-34s %10s %18s%n", "matcher", "recall", "false / 10k reads");
        List<Row> rows = new java.util.ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            Row row = new Row(names.get(s), hits[s] / (double) Math.max(1, listedReads), falses[s] * 10_000.0 / reads);
            rows.add(row);
            out.printf(Locale.ROOT, "  %-34s %9.3f%% %18.2f%n", row.setting(), 100 * row.recall(), row.falsePer10k());
        }
        return rows;
    }
}
