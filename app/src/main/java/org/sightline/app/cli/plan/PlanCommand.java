package org.sightline.app.cli.plan;

import picocli.CommandLine.Command;

/** {@code sightline plan ...}: camera planning from the command line. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Camera planning: recommend CCTV sites (cctv) and backtest the planner on police.uk files (backtest).",
        subcommands = {BacktestCommand.class, org.sightline.app.cli.PlanCctvCommand.class})
public class PlanCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline plan backtest ...; see 'sightline plan --help'.");
    }
}
