package org.sightline.app.cli;

import picocli.CommandLine.Command;

/** The {@code sightline} command and its subcommands. */
@Command(name = "sightline", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "CCTV and ANPR intake, alerting and planning for a community safety partnership.",
        subcommands = {ServeCommand.class, UsersCommand.class, AuditCommand.class, ReportCommand.class, ComplianceCommand.class, ImportCommand.class, ExportCommand.class, HotlistCommand.class, org.sightline.app.cli.bench.BenchCommand.class, org.sightline.app.cli.plan.PlanCommand.class, SimulateCommand.class})
public class SightlineCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline <command> [options]; 'sightline --help' lists the commands.");
    }
}
