package org.sightline.app.cli.bench;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.app.Sightline;
import org.sightline.app.cli.StartupFailure;
import org.sightline.geo.crime.adapter.db.CrimeStore;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.transfer.GeoImportService;
import org.sightline.geo.transfer.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sightline bench import}: loads every police.uk file of a directory (by default the 29
 * Merseyside months of ../shared/data/crime, about 410,000 rows) into an empty {@code geo_crime}
 * table with its indexes, on the configured database ({@code SIGHTLINE_DB_URL}), and reports rows/s.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Crime import: rows/s loading a directory of police.uk files into PostGIS with indexes (needs SIGHTLINE_DB_URL).")
public class ImportBench implements Callable<Integer> {

    private static final Map<String, String> PHASES = Map.of(
            "streaming", "read, parse and key the files (two at a time) while COPY streams them to PostgreSQL",
            "storing", "then check keys and build the primary key and the GiST and month/type indexes");

    @Option(names = "--data", defaultValue = "../shared/data/crime", paramLabel = "DIR",
            description = "Directory of police.uk street-level files (default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--truncate", description = "Empty geo_crime first when it holds rows (they are deleted!).")
    boolean truncate;

    @Override
    public Integer call() {
        if (!Files.isDirectory(data)) {
            System.err.println("No crime data at " + data.toAbsolutePath().normalize()
                    + ": pass --data DIR (the 29 monthly files of ../shared/data/crime)");
            return 2;
        }
        Machine.print();
        try (ApplicationContext ctx = ApplicationContext.builder().mainClass(Sightline.class).deduceEnvironment(false)
                .banner(false).environments("cli")
                // nothing but the database: no broker, no MQTT subscribers competing for the CPU
                .properties(Map.of("sightline.mqtt.check-at-startup", false, "sightline.broker.embedded.enabled", false,
                        "micronaut.server.enabled", false, "sightline.alerting.listen", false,
                        "sightline.ingest.enabled", false))
                .start()) {
            CrimeStore store = ctx.getBean(CrimeStore.class);
            long before = store.count();
            if (before > 0 && !truncate) {
                System.err.println("geo_crime already holds " + before + " rows; the benchmark loads into an empty table."
                        + " Run it on a scratch database, or pass --truncate to delete them.");
                return 2;
            }
            store.deleteAll();
            // the same path as 'sightline import crimes DIR'
            long started = System.nanoTime();
            long cpuBefore = processCpuNanos();
            ImportResult r = ctx.getBean(GeoImportService.class).crimes(List.of(data), CrimeFilter.ALL, ReadListener.NONE);
            double seconds = (System.nanoTime() - started) / 1e9;
            double javaCpu = (processCpuNanos() - cpuBefore) / 1e9;
            long rows = store.count();
            System.out.printf(Locale.ROOT, "files: %d; rows read %d, stored %d, rejected %d%n", r.files().size(), r.rowsRead(),
                    rows, r.rowsRejected());
            r.notes().forEach(n -> System.out.println("note: " + n));
            for (ImportResult.Phase p : r.phases()) {
                System.out.printf(Locale.ROOT, "phase %-9s %6.2f s  %s%n", p.name(), p.took().toNanos() / 1e9, PHASES.get(p.name()));
            }
            System.out.printf(Locale.ROOT, "total %.2f s (a fresh database: the table starts empty, so its indexes are built"
                    + " once after the load; loads into a non-empty table stage and merge instead)%n", seconds);
            System.out.printf(Locale.ROOT, "CPU of this JVM during the import: %.2f s (parsing threads, copy writer, JIT and GC;"
                    + " PostgreSQL's own work is on top)%n", javaCpu);
            System.out.println("after: " + Machine.loadAverage() + "; goal >= 100000 rows/s");
            Machine.bench("import.rows_per_s", Math.round(rows / seconds), "rows/s");
            return 0;
        } catch (RuntimeException e) {
            System.err.println(StartupFailure.explain(e));
            return 2;
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }
}
