package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import org.sightline.platform.audit.domain.ChainVerification;
import org.sightline.platform.audit.domain.ChainedAuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Checks and exports the audit trail. */
@Command(name = "audit", mixinStandardHelpOptions = true, description = "Verify or export the audit trail.",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
public class AuditCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline audit verify|export; see 'sightline audit --help'.");
    }

    /** {@code audit verify}: exit 0 when the chain is intact, 3 when it was tampered with. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recompute the hash chain of the whole audit trail and report every break.")
    static class Verify implements Callable<Integer> {
        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start()) {
                ChainVerification v = ctx.getBean(AuditLog.class).verify();
                if (v.problems().isEmpty()) {
                    System.out.println("Audit trail intact: " + v.checked() + " entries, last hash " + v.lastHash());
                    return 0;
                }
                System.out.println("AUDIT TRAIL TAMPERED: " + v.problems().size() + " problem(s) in " + v.checked() + " entries");
                v.problems().forEach(p -> System.out.println("  " + p));
                return 3;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** {@code audit export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the audit trail for an auditor, as CSV or JSON lines, with the chain hashes.")
    static class Export implements Callable<Integer> {
        @Option(names = "--format", defaultValue = "csv", description = "csv or json (one JSON object a line). Default ${DEFAULT-VALUE}.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (must not exist).")
        Path out;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            if (!format.equals("csv") && !format.equals("json")) {
                System.err.println("--format must be csv or json, not '" + format + "'");
                return 2;
            }
            if (Files.exists(out)) {
                System.err.println("Refusing to overwrite " + out.toAbsolutePath() + ": choose a new file name");
                return 2;
            }
            AtomicLong rows = new AtomicLong();
            try (ApplicationContext ctx = config.start();
                 BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                AuditLog audit = ctx.getBean(AuditLog.class);
                if (format.equals("csv")) {
                    w.write("id,at,actor,action,target,purpose,reference,details,prev_hash,hash\n");
                }
                audit.forEach(e -> {
                    write(w, e);
                    rows.incrementAndGet();
                });
                audit.record(AuditEvent.of("system:cli", "audit.export", out.getFileName().toString()));
            } catch (IOException e) {
                System.err.println("Cannot write " + out.toAbsolutePath() + ": " + e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
            System.out.println("Wrote " + rows.get() + " audit entries to " + out.toAbsolutePath());
            return 0;
        }

        private void write(Writer w, ChainedAuditEvent e) {
            AuditEvent a = e.event();
            try {
                if (format.equals("csv")) {
                    w.write(String.join(",", Long.toString(e.id()), a.at().toString(), csv(a.actor()), csv(a.action()),
                            csv(a.target()), csv(a.purpose()), csv(a.reference()), csv(a.details()),
                            e.previousHash(), e.hash()));
                } else {
                    w.write("{\"id\":" + e.id() + ",\"at\":\"" + a.at() + "\",\"actor\":" + json(a.actor())
                            + ",\"action\":" + json(a.action()) + ",\"target\":" + json(a.target())
                            + ",\"purpose\":" + json(a.purpose()) + ",\"reference\":" + json(a.reference())
                            + ",\"details\":" + json(a.details()) + ",\"prev_hash\":\"" + e.previousHash()
                            + "\",\"hash\":\"" + e.hash() + "\"}");
                }
                w.write('\n');
            } catch (IOException ex) {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        /** CSV field, quoted; a leading = + - @ is prefixed with ' so spreadsheets do not run it as a formula. */
        static String csv(String v) {
            String s = v;
            if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
                s = "'" + s;
            }
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }

        static String json(String v) {
            StringBuilder sb = new StringBuilder("\"");
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\u%04x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }
    }
}
