package org.sightline.alerting.match.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.match.domain.FreeEditRule;
import org.sightline.alerting.match.domain.HotlistIndex;
import org.sightline.alerting.match.domain.Match;
import org.sightline.alerting.match.domain.MatchGrade;
import org.sightline.alerting.match.domain.MatchSettings;
import org.sightline.alerting.match.domain.OcrConfusions;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * Scores matcher settings on reads whose true plate is known: the share of sightings of listed
 * vehicles that match their own entry (recall), and the matches with an entry that is not the
 * vehicle read (false alerts) per 10,000 reads. One setting at a time, so only one index is held.
 */
public final class MatchQuality {

    /** A matcher setting with the name it has in the table. */
    public record Setting(String name, MatchSettings settings) {
    }

    /**
     * One read with its ground truth.
     *
     * @param candidates what the unit reported (primary reading and alternatives)
     * @param truePlate the plate the vehicle really carries
     */
    public record LabelledRead(ReadCandidates candidates, String truePlate) {
    }

    /**
     * One setting's figures.
     *
     * @param setting the setting's name
     * @param reads reads scored
     * @param listedSightings reads of listed vehicles
     * @param alerted reads of listed vehicles that matched their own entry
     * @param falseAlerts matches with an entry whose plate is not the true plate
     * @param falseByGrade the false alerts by how the reading matched (EXACT: the misread is itself
     *                     a listed plate, so no matcher can avoid it)
     */
    public record Row(String setting, long reads, long listedSightings, long alerted, long falseAlerts,
                      Map<MatchGrade, Long> falseByGrade) {
        /** Share of listed sightings that alerted (NaN when there were none). */
        public double recall() {
            return listedSightings == 0 ? Double.NaN : alerted / (double) listedSightings;
        }

        /** False alerts per 10,000 reads. */
        public double falsePer10k() {
            return reads == 0 ? Double.NaN : falseAlerts * 10_000.0 / reads;
        }
    }

    private MatchQuality() {
    }

    /** The settings compared in {@code bench alerts}: exact only first, the service's default third. */
    public static List<Setting> standardSettings() {
        return List.of(
                new Setting("exact only", new MatchSettings(OcrConfusions.parse(""), 0, FreeEditRule.GRAMMAR)),
                new Setting("OCR classes, no free edit", new MatchSettings(OcrConfusions.standard(), 0, FreeEditRule.GRAMMAR)),
                new Setting("classes + grammar edit (default)", MatchSettings.standard()),
                new Setting("default + ambiguous bends", new MatchSettings(OcrConfusions.standard(), 1,
                        FreeEditRule.GRAMMAR, false, true)),
                new Setting("default + missing characters", new MatchSettings(OcrConfusions.standard(), 1,
                        FreeEditRule.GRAMMAR, true)),
                new Setting("classes + any edit", new MatchSettings(OcrConfusions.standard(), 1, FreeEditRule.ANY, true)));
    }

    /** Index of the service's default setting in {@link #standardSettings()}. */
    public static final int DEFAULT_ROW = 2;

    /**
     * Scores each setting.
     *
     * @param settings the settings to compare
     * @param entries the hotlist (every entry must be live at {@code at})
     * @param reads the reads with their true plates
     * @param at the instant the entries are matched at
     */
    public static List<Row> score(List<Setting> settings, Collection<HotlistEntry> entries, List<LabelledRead> reads,
                                  Instant at) {
        java.util.Set<String> listed = new java.util.HashSet<>(entries.size() * 2);
        entries.forEach(e -> listed.add(e.plate().value()));
        List<Row> rows = new ArrayList<>();
        for (Setting s : settings) {
            HotlistIndex index = new HotlistIndex(s.settings(), entries.size());
            entries.forEach(index::put);
            long listedSightings = 0;
            long alerted = 0;
            long falses = 0;
            Map<MatchGrade, Long> byGrade = new EnumMap<>(MatchGrade.class);
            for (LabelledRead r : reads) {
                boolean isListed = listed.contains(r.truePlate());
                if (isListed) {
                    listedSightings++;
                }
                for (Match m : index.match(r.candidates(), at)) {
                    if (m.entry().plate().value().equals(r.truePlate())) {
                        alerted++;
                    } else {
                        falses++;
                        byGrade.merge(m.grade(), 1L, Long::sum);
                    }
                }
            }
            rows.add(new Row(s.name(), reads.size(), listedSightings, alerted, falses, byGrade));
        }
        return rows;
    }

    /** Prints the rows as a table. */
    public static void print(PrintStream out, List<Row> rows) {
        out.printf(Locale.ROOT, "  %-34s %11s %9s %12s %10s  %s%n", "matcher", "sightings", "recall", "false alerts",
                "per 10k", "false alerts by match (exact: the misread is itself listed)");
        for (Row r : rows) {
            out.printf(Locale.ROOT, "  %-34s %,11d %8.3f%% %,12d %10.2f  %s%n", r.setting(), r.listedSightings(),
                    100 * r.recall(), r.falseAlerts(), r.falsePer10k(), r.falseByGrade().entrySet().stream()
                            .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                            .collect(java.util.stream.Collectors.joining(", ")));
        }
    }
}
