package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.RetroMatch;
import org.sightline.alerting.hotlist.HotlistService;
import org.sightline.alerting.hotlist.ImportOptions;
import org.sightline.alerting.hotlist.ImportReport;
import org.sightline.alerting.hotlist.ImportSummary;
import org.sightline.alerting.hotlist.adapter.db.HotlistStore;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.EntryImport;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.HotlistKind;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline hotlist lists|import|export}: hotlists from the command line, for files of any
 * size (a national list of 100k+ lines is far over the HTTP body limit). The import checks every
 * line as the HTTP import does, streams the file, stores the valid lines in one transaction,
 * audits it, tells running services to load the new entries, and runs the retro-match. The
 * command line is trusted like the database credentials it holds: it sees covert lists.
 */
@Command(name = "hotlist", mixinStandardHelpOptions = true,
        description = "List, create, import and export hotlists (needs the database settings: --config FILE or SIGHTLINE_DB_URL).",
        subcommands = {HotlistCommand.Lists.class, HotlistCommand.Save.class, HotlistCommand.Import.class,
                HotlistCommand.Export.class})
public class HotlistCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline hotlist lists|save|import|export; see 'sightline hotlist --help'.");
    }

    /** The database settings and who the audit trail names for a change. */
    static class Who {
        @Option(names = "--by", paramLabel = "NAME",
                description = "Who is making the change, for the audit trail (default: the account running the command).")
        String by;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        /** The person given with --by, or the account running the command, as {@code cli:NAME}. */
        String actor() {
            return "cli:" + (by == null || by.isBlank() ? System.getProperty("user.name", "unknown") : by.strip());
        }
    }

    /** The list with this code, or a one-line explanation on standard error. */
    static Optional<Hotlist> list(HotlistService service, String code) {
        List<Hotlist> lists = service.lists(true);
        Optional<Hotlist> found = lists.stream().filter(l -> l.code().equals(code)).findFirst();
        if (found.isEmpty()) {
            System.err.println("No hotlist '" + code + "'. "
                    + (lists.isEmpty() ? "There are no hotlists yet" : "Hotlists: "
                    + lists.stream().map(Hotlist::code).collect(Collectors.joining(", ")))
                    + "; create it with 'sightline hotlist save " + code + " --name NAME --kind KIND'.");
        }
        return found;
    }

    /** {@code hotlist lists}. */
    @Command(name = "lists", mixinStandardHelpOptions = true, description = "Show every hotlist with its number of live entries.")
    static class Lists implements Callable<Integer> {
        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start()) {
                List<Hotlist> lists = ctx.getBean(HotlistService.class).lists(true);
                Map<String, Long> counts = ctx.getBean(HotlistStore.class).liveCounts();
                if (lists.isEmpty()) {
                    System.out.println("No hotlists yet.");
                    return 0;
                }
                System.out.printf(Locale.ROOT, "%-20s %-30s %-16s %-14s %-7s %12s%n", "code", "name", "kind", "scope", "covert",
                        "live entries");
                for (Hotlist l : lists) {
                    System.out.printf(Locale.ROOT, "%-20s %-30s %-16s %-14s %-7s %,12d%n", l.code(), l.name(), l.kind(),
                            l.scope(), l.covert() ? "yes" : "no", counts.getOrDefault(l.code(), 0L));
                }
                return 0;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** {@code hotlist save}. */
    @Command(name = "save", mixinStandardHelpOptions = true, description = "Create a hotlist, or change its name, kind, scope or covert flag.")
    static class Save implements Callable<Integer> {
        @Parameters(paramLabel = "CODE", description = "Short code: lower-case letters, digits and dashes, e.g. stolen.")
        String code;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name operators see, e.g. 'Stolen vehicles'.")
        String name;

        @Option(names = "--kind", required = true, paramLabel = "KIND", description = "STOLEN, WANTED, LOCAL_ASB, ORGANISED_CRIME or OTHER.")
        String kind;

        @Option(names = "--scope", defaultValue = "ARTERIAL_ONLY", paramLabel = "SCOPE",
                description = "ARTERIAL_ONLY (alerts on arterial-route cameras) or ANYWHERE (default ${DEFAULT-VALUE}).")
        String scope;

        @Option(names = "--covert", description = "Only users cleared for covert lists see the list, its entries and its alerts.")
        boolean covert;

        @Mixin
        Who who = new Who();

        @Override
        public Integer call() {
            Hotlist list;
            try {
                list = new Hotlist(code, name, HotlistKind.valueOf(kind.strip().toUpperCase(Locale.ROOT)),
                        AlertScope.valueOf(scope.strip().toUpperCase(Locale.ROOT)), covert);
            } catch (IllegalArgumentException e) {
                System.err.println("Not a valid hotlist: " + e.getMessage() + " (kinds: " + List.of(HotlistKind.values())
                        + ", scopes: " + List.of(AlertScope.values()) + ")");
                return 2;
            }
            try (ApplicationContext ctx = who.config.start()) {
                ctx.getBean(HotlistService.class).saveList(list, who.actor(), true);
                System.out.printf(Locale.ROOT, "hotlist %s saved: %s, %s, %s%s%n", list.code(), list.name(), list.kind(),
                        list.scope(), list.covert() ? ", covert" : "");
                return 0;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** {@code hotlist import}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Import a CSV file (.csv or .csv.gz) into one hotlist. Header: "
                    + "list,plate,reason,priority,instruction,covert,source,valid_from,expires_at (the list column may be "
                    + "left out or empty). Every line is checked; valid lines are stored together, refused lines are "
                    + "reported. Exit 0 when every line was imported, 1 when some were refused, 2 when nothing could be done."})
    static class Import implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--list", required = true, paramLabel = "CODE", description = "The hotlist to import into.")
        String list;

        @Option(names = "--dry-run", description = "Check every line and report; store nothing.")
        boolean dryRun;

        @Mixin
        Who who = new Who();

        @Option(names = "--show-problems", defaultValue = "20", paramLabel = "N",
                description = "Print the first N refused lines (default ${DEFAULT-VALUE}); all are counted.")
        int showProblems;

        @Option(names = "--rejects", paramLabel = "FILE", description = "Write every refused line (line,plate,problems) to this CSV file.")
        Path rejects;

        @Option(names = "--no-retro-match", description = "Do not check the new entries against stored reads.")
        boolean noRetroMatch;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                System.err.println("Cannot read " + file + ": " + (Files.exists(file) ? "not a readable file" : "no such file"));
                return 2;
            }
            try (ApplicationContext ctx = who.config.start()) {
                HotlistService service = ctx.getBean(HotlistService.class);
                if (list(service, list).isEmpty()) {
                    return 2;
                }
                Verdicts verdicts;
                ImportSummary summary;
                long started = System.nanoTime();
                try (Reader in = open(file); Writer rejectsOut = rejects == null ? null : Files.newBufferedWriter(rejects)) {
                    verdicts = new Verdicts(System.err, file.getFileName().toString(), showProblems, rejectsOut);
                    summary = service.importStream(in, new ImportOptions(Optional.of(list), dryRun, file.getFileName().toString()),
                            who.actor(), true, verdicts);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                if (verdicts.refused > showProblems) {
                    System.err.printf(Locale.ROOT, "  … and %,d more refused lines%s%n", verdicts.refused - showProblems,
                            rejects == null ? " (--rejects FILE lists them all)" : "");
                }
                System.out.printf(Locale.ROOT, "hotlist %s: %,d lines read, %,d %s, %,d refused%s (%.1f s)%n", list, summary.lines(),
                        summary.imported(), dryRun ? "would be imported (dry run: nothing stored)" : "imported", summary.refused(),
                        summary.dryRun() || summary.imported() == 0 ? "" : ", import " + summary.importId(), seconds);
                if (rejects != null) {
                    System.out.println("  refused lines written to " + rejects);
                }
                if (summary.stored() && !noRetroMatch) {
                    retroMatch(ctx, summary);
                }
                return summary.refused() == 0 ? 0 : 1;
            } catch (NoSuchFileException e) {
                System.err.println("Cannot write " + e.getFile() + ": no such directory");
                return 2;
            } catch (IOException e) {
                System.err.println("Cannot read " + file + ": " + e.getMessage());
                return 2;
            } catch (UncheckedIOException e) {
                System.err.println("Cannot write " + rejects + ": " + e.getCause().getMessage());
                return 2;
            } catch (IllegalArgumentException e) {
                System.err.println("Nothing imported: " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }

        private void retroMatch(ApplicationContext ctx, ImportSummary summary) {
            AlertingProperties alerting = ctx.getBean(AlertingProperties.class);
            if (alerting.retroWindow().isZero()) {
                return;
            }
            try {
                int hits = ctx.getBean(RetroMatch.class).runImport(summary.importId());
                System.out.printf(Locale.ROOT, "retro-match: %,d historic hit%s on stored reads of the last %d days%n", hits,
                        hits == 1 ? "" : "s", alerting.retroWindow().toDays());
            } catch (java.sql.SQLException | RuntimeException e) {
                System.err.println("The entries are imported, but the retro-match failed: " + e.getMessage());
            }
        }

        /** The file as UTF-8 text (gunzipped for .gz), without a byte-order mark. */
        private static Reader open(Path file) throws IOException {
            InputStream in = Files.newInputStream(file);
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            PushbackReader reader = new PushbackReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
                    1 << 16));
            int first = reader.read();
            if (first != -1 && first != '\uFEFF') {
                reader.unread(first);
            }
            return reader;
        }
    }

    /** Prints the first refused lines, writes all of them to the rejects file, counts them. */
    static final class Verdicts implements java.util.function.Consumer<ImportReport.LineReport> {
        private final PrintStream err;
        private final String source;
        private final int toPrint;
        private final Writer rejects;
        long refused;

        Verdicts(PrintStream err, String source, int toPrint, Writer rejects) throws IOException {
            this.err = err;
            this.source = source;
            this.toPrint = toPrint;
            this.rejects = rejects;
            if (rejects != null) {
                rejects.write("line,plate,problems\n");
            }
        }

        @Override
        public void accept(ImportReport.LineReport line) {
            if (line.imported()) {
                return;
            }
            refused++;
            String problems = String.join("; ", line.problems());
            if (refused <= toPrint) {
                err.println("  refused " + source + ":" + line.line() + (line.plate().isBlank() ? "" : " " + line.plate())
                        + ": " + problems);
            }
            if (rejects != null) {
                try {
                    rejects.write(line.line() + "," + Csv.field(line.plate()) + "," + Csv.field(problems) + "\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** {@code hotlist export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write a hotlist's live entries as CSV in the import format (covert entries included).")
    static class Export implements Callable<Integer> {
        @Option(names = "--list", required = true, paramLabel = "CODE", description = "The hotlist to export.")
        String list;

        @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
        Path out;

        @Mixin
        Who who = new Who();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = who.config.start()) {
                if (list(ctx.getBean(HotlistService.class), list).isEmpty()) {
                    return 2;
                }
                long n;
                try (Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out == null ? standardOutput()
                        : Files.newOutputStream(out), StandardCharsets.UTF_8), 1 << 16)) {
                    w.write(String.join(",", EntryImport.COLUMNS) + "\n");
                    n = ctx.getBean(HotlistStore.class).forEachLive(list, e -> write(w, e));
                }
                ctx.getBean(AuditLog.class).record(new AuditEvent(Instant.now(), who.actor(), "hotlist.export", list, "", "",
                        "{\"entries\":" + n + ",\"to\":" + Csv.json(out == null ? "stdout" : out.getFileName().toString()) + "}"));
                (out == null ? System.err : System.out).printf(Locale.ROOT, "hotlist %s: %,d live entries exported%s%n", list, n,
                        out == null ? "" : " to " + out);
                return 0;
            } catch (IOException | UncheckedIOException e) {
                System.err.println("Cannot write " + (out == null ? "standard output" : out) + ": " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }

        /** Standard output that is flushed, not closed, at the end. */
        private static OutputStream standardOutput() {
            return new java.io.FilterOutputStream(System.out) {
                @Override
                public void write(byte[] b, int off, int len) {
                    System.out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    System.out.flush();
                    if (System.out.checkError()) {
                        throw new IOException("the output was closed before the end");
                    }
                }
            };
        }

        private static void write(Writer w, HotlistEntry e) {
            try {
                w.write(String.join(",", Csv.field(e.listCode()), e.plate().value(), Csv.field(e.reason()),
                        Integer.toString(e.priority()), Csv.field(e.instruction()), Boolean.toString(e.covert()),
                        Csv.field(e.source()), e.validFrom().toString(), e.expiresAt().toString()) + "\n");
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /** CSV and JSON text quoting. */
    static final class Csv {
        private Csv() {
        }

        static String field(String s) {
            if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
                return s;
            }
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }

        static String json(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
