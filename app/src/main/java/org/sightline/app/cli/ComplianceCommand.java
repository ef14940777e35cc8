package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.app.compliance.CameraComplianceService;
import org.sightline.app.compliance.ComplianceCsvImport;
import org.sightline.app.compliance.domain.CameraCompliance;
import org.sightline.app.compliance.domain.CameraRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Each camera's purpose, signage and impact assessment, as the Surveillance Camera Code asks. */
@Command(name = "compliance", mixinStandardHelpOptions = true,
        description = "List or set each camera's recorded purpose, signage and impact assessment.",
        subcommands = {ComplianceCommand.ListRecords.class, ComplianceCommand.Set.class, ComplianceCommand.Import.class})
public class ComplianceCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline compliance list|set|import; see 'sightline compliance --help'.");
    }

    /** Who the audit trail names for a change made here. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** {@code compliance list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every camera with its record; --gaps for those without one.")
    static class ListRecords implements Callable<Integer> {
        @Option(names = "--gaps", description = "Only cameras without a recorded purpose.")
        boolean gaps;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start()) {
                int shown = 0;
                for (CameraRecord r : ctx.getBean(CameraComplianceService.class).list(true)) {
                    if (gaps && r.compliance().isPresent()) {
                        continue;
                    }
                    shown++;
                    System.out.printf("%-20s %-5s %-7s %-14s %s%n", r.cameraId(), r.kind(), r.deployment(), r.status(),
                            r.compliance().map(c -> c.purpose().replace('\n', ' ') + " | signage: "
                                    + (c.signage().isEmpty() ? "none recorded" : c.signage().replace('\n', ' '))
                                    + " | DPIA: " + (c.dpiaReference().isEmpty() ? "none" : c.dpiaReference())
                                    + c.reviewedOn().map(d -> " | reviewed " + d).orElse(""))
                                    .orElse("NOT RECORDED"));
                }
                System.out.println(shown + (gaps ? " cameras without a recorded purpose" : " cameras"));
                return 0;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** {@code compliance set}. */
    @Command(name = "set", mixinStandardHelpOptions = true, description = "Record one camera's purpose, signage and impact assessment (replaces its record).")
    static class Set implements Callable<Integer> {
        @Parameters(paramLabel = "CAMERA_ID")
        String camera;

        @Option(names = "--purpose", required = true, description = "Why the camera is there.")
        String purpose;

        @Option(names = "--signage", defaultValue = "", description = "Where and how signs tell the public.")
        String signage;

        @Option(names = "--dpia", defaultValue = "", description = "Reference of the data-protection impact assessment.")
        String dpia;

        @Option(names = "--reviewed", paramLabel = "YYYY-MM-DD", description = "When the record was last reviewed.")
        String reviewed;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            CameraCompliance record;
            try {
                Optional<LocalDate> on = reviewed == null || reviewed.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(reviewed));
                if (on.isPresent() && on.get().isAfter(LocalDate.now().plusDays(1))) {
                    System.err.println("--reviewed " + on.get() + " is in the future");
                    return 2;
                }
                record = new CameraCompliance(purpose, signage, dpia, on);
            } catch (DateTimeParseException e) {
                System.err.println("--reviewed must be a date as YYYY-MM-DD, was '" + reviewed + "'");
                return 2;
            } catch (IllegalArgumentException e) {
                System.err.println("Not recorded: " + e.getMessage());
                return 2;
            }
            try (ApplicationContext ctx = config.start()) {
                Optional<CameraRecord> saved;
                try {
                    saved = ctx.getBean(CameraComplianceService.class).save(camera, record, actor(), true);
                } catch (IllegalArgumentException e) {
                    System.err.println("Not recorded: " + e.getMessage());
                    return 2;
                }
                if (saved.isEmpty()) {
                    System.err.println("No camera '" + camera + "' in the estate (sightline compliance list shows them).");
                    return 2;
                }
                System.out.println("Recorded purpose, signage and DPIA of camera " + camera + ".");
                return 0;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** {@code compliance import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Load records from CSV (camera_id,purpose,signage,dpia_reference,reviewed_on); bad rows are listed, good rows stored.")
    static class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE.csv")
        Path file;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start(); Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                ComplianceCsvImport.Outcome o;
                try {
                    o = ctx.getBean(ComplianceCsvImport.class).load(in, actor());
                } catch (IllegalArgumentException e) {
                    System.err.println("Cannot import " + file + ": " + e.getMessage());
                    return 2;
                }
                o.rejects().forEach(r -> System.err.println(file.getFileName() + " line " + r.line() + ": " + r.reason()));
                System.out.println(o.saved() + " camera records stored, " + o.rejects().size() + " rows rejected.");
                return o.rejects().isEmpty() ? 0 : 1;
            } catch (IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }
}
