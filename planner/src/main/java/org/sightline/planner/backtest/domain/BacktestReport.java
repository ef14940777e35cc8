package org.sightline.planner.backtest.domain;

import java.util.List;
import java.util.Locale;

/** A backtest's table: one row per method, and what it was run on. */
public record BacktestReport(List<BacktestRow> rows, long trainRecords, long testRecords, int candidates,
                             double studyAreaKm2, String description) {

    public BacktestReport {
        rows = List.copyOf(rows);
    }

    /** The row of a method; fails if the method was not run. */
    public BacktestRow row(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no backtest row " + method));
    }

    /** The table as fixed-width text. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(description).append('\n');
        sb.append(String.format(Locale.ROOT, "train records %d, test records %d, candidates %d, study area %.1f km²%n",
                trainRecords, testRecords, candidates, studyAreaKm2));
        sb.append(String.format(Locale.ROOT, "%-34s %7s %9s %7s %7s %10s%n", "method", "cameras", "hit rate", "PAI",
                "PEI", "area km²"));
        for (BacktestRow r : rows) {
            sb.append(String.format(Locale.ROOT, "%-34s %7d %8.2f%% %7.2f %7.3f %10.3f%n", r.method(), r.cameras(),
                    100 * r.hitRate(), r.pai(), r.pei(), r.coveredAreaKm2()));
        }
        return sb.toString();
    }
}
