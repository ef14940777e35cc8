package org.sightline.app.cli.plan;

import picocli.CommandLine.Command;

/** {@code sightline plan ...}: camera planning from the command line. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Camera planning: recommend CCTV sites (cctv), store building footprints that block views "
                + "(buildings) and backtest the planner on police.uk files (backtest).",
        subcommands = {BacktestCommand.class, org.sightline.app.cli.PlanCctvCommand.class, org.sightline.app.cli.PlanBuildingsCommand.class})
public class PlanCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline plan cctv|buildings|backtest ...; see 'sightline plan --help'.");
    }
}
