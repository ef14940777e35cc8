package org.sightline.app.cli.plan;

import org.sightline.planner.backtest.adapter.file.FileBacktest;
import org.sightline.planner.backtest.domain.Backtest;
import org.sightline.planner.backtest.domain.BacktestReport;

/** Prints a backtest's table, and for benchmarks its BENCH lines. */
public final class BacktestReportPrinter {

    private BacktestReportPrinter() {
    }

    /** Prints the calibration, the table and whether the plan beat every baseline; BENCH lines when asked. */
    public static void print(FileBacktest.Outcome outcome, boolean benchLines) {
        BacktestReport r = outcome.report();
        System.out.println(outcome.calibration());
        System.out.print(r.table());
        double plan = r.row(Backtest.PLAN).hitRate();
        double kde = r.row(Backtest.KDE_PEAKS).hitRate();
        double top = r.row(Backtest.TOP_POINTS).hitRate();
        double random = r.rows().stream().filter(x -> x.method().startsWith(Backtest.RANDOM)).findFirst()
                .orElseThrow().hitRate();
        boolean beats = plan > kde && plan > top && plan > random;
        System.out.println(beats ? "The plan's test hit rate beats every baseline at equal camera count."
                : "The plan's test hit rate does NOT beat every baseline.");
        if (benchLines) {
            org.sightline.app.cli.bench.Machine.bench("backtest.hit_plan", plan, "ratio");
            org.sightline.app.cli.bench.Machine.bench("backtest.hit_kde_peaks", kde, "ratio");
            org.sightline.app.cli.bench.Machine.bench("backtest.hit_top_points", top, "ratio");
            org.sightline.app.cli.bench.Machine.bench("backtest.hit_random", random, "ratio");
            org.sightline.app.cli.bench.Machine.bench("backtest.pai_plan", r.row(Backtest.PLAN).pai(), "ratio");
            org.sightline.app.cli.bench.Machine.bench("backtest.pai_kde_cells", r.row(Backtest.KDE_CELLS).pai(), "ratio");
        }
    }
}
