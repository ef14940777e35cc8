package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.sightline.app.report.ComplianceReport;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reports for oversight. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Reports for oversight.",
        subcommands = {ReportCommand.Compliance.class})
public class ReportCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline report compliance --out FILE.html");
    }

    /** {@code report compliance}. */
    @Command(name = "compliance", mixinStandardHelpOptions = true,
            description = "Write the data-protection compliance report (HTML): retention, searches by purpose, approvals, hotlists, camera estate, audit trail.")
    static class Compliance implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "sightline-compliance.html", paramLabel = "FILE",
                description = "HTML file to write (default ${DEFAULT-VALUE}).")
        Path out;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start()) {
                String html = ctx.getBean(ComplianceReport.class).render(Instant.now());
                Files.writeString(out, html, StandardCharsets.UTF_8);
                ctx.getBean(AuditLog.class).record(AuditEvent.of("system:cli", "report.compliance", out.getFileName().toString()));
                System.out.println("Wrote " + out.toAbsolutePath());
                return 0;
            } catch (IOException e) {
                System.err.println("Cannot write " + out.toAbsolutePath() + ": " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }
}
