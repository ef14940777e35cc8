package org.sightline.app.cli.bench;

import picocli.CommandLine.Command;

/**
 * {@code sightline bench NAME}: benchmarks that print their figures, the machine they ran on, and
 * end with {@code BENCH <name> <value> <unit>} lines. Each benchmark is a subcommand.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run a named benchmark and print its figures (see the subcommands).",
        subcommands = {StartupBench.class, PlannerBench.class, MatchBench.class, IngestBench.class, ImportBench.class, AlertsBench.class})
public class BenchCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline bench NAME; 'sightline bench --help' lists the benchmarks.");
    }
}
