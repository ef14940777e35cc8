package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.demo.DemoAreaLoader;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.geo.transfer.GeoImportService;
import org.sightline.geo.transfer.ImportResult;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sightline import crimes|boundary|roads|cameras|candidates FILE} and {@code import demo AREA}:
 * loads GIS files into the database, reporting every rejected row and ending with a summary.
 * Exit code 0 when every row loaded, 1 when some rows or files were rejected, 2 on a usage or
 * start-up error.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load crimes, boundaries, roads, cameras or candidate sites from files (GeoJSON, GeoJSON-lines, GeoPackage, CSV).",
        subcommands = {ImportCommand.Crimes.class, ImportCommand.Boundaries.class, ImportCommand.Roads.class,
                ImportCommand.Cameras.class, ImportCommand.Candidates.class, ImportCommand.Demo.class})
public class ImportCommand implements Runnable {

    @Override
    public void run() {
        System.out.println("Usage: sightline import crimes|boundary|roads|cameras|candidates FILE, or import demo AREA;"
                + " see 'sightline import --help'.");
    }

    /** Options of every import. */
    static class Common {
        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Option(names = "--show-problems", defaultValue = "20", paramLabel = "N",
                description = "Print the first N rejected rows (default ${DEFAULT-VALUE}); all are counted.")
        int showProblems;

        @Option(names = "--rejects", paramLabel = "FILE", description = "Write every rejected row (file,line,reason) to this CSV file.")
        Path rejects;

        /**
         * Runs {@code work} with a progress listener, writing the rejects file if asked, and puts
         * the import on the audit trail (it changes stored data) with what it took.
         */
        int withProgress(ApplicationContext ctx, java.util.function.Function<ProgressBar, ImportResult> work, String what,
                         String files) {
            try (java.io.Writer rejectsOut = rejects == null ? null
                    : java.nio.file.Files.newBufferedWriter(rejects, java.nio.charset.StandardCharsets.UTF_8)) {
                if (rejectsOut != null) {
                    rejectsOut.write("file,line,reason\n");
                }
                ProgressBar progress = new ProgressBar(System.err, showProblems, rejectsOut);
                ImportResult result = work.apply(progress);
                progress.clear();
                audit(ctx, what, files, result);
                int code = report(result, what);
                if (rejects != null) {
                    System.out.println("  rejected rows written to " + rejects);
                }
                return code;
            } catch (java.io.IOException e) {
                System.err.println("Cannot write " + rejects + ": " + e.getMessage());
                return 2;
            }
        }
    }

    /**
     * Records an import on the audit trail like exports ({@code import.layer}, who, the kind of
     * data, and the files with what they gave).
     */
    static void audit(ApplicationContext ctx, String what, String files, ImportResult r) {
        String details = String.format(java.util.Locale.ROOT, "files=%s;read=%d;accepted=%d;filtered=%d;rejected=%d;stored=%d%s",
                files, r.rowsRead(), r.rowsAccepted(), r.rowsFiltered(), r.rowsRejected(), r.stored(),
                r.complete() ? "" : ";incomplete");
        ctx.getBean(AuditLog.class).record(new AuditEvent(java.time.Instant.now(), ComplianceCommand.actor(), "import.layer",
                what, "", "", details));
    }

    /** Prints the summary and returns the exit code. */
    static int report(ImportResult result, String what) {
        for (ReadSummary s : result.files()) {
            System.out.println("  " + s.describe());
        }
        result.notes().forEach(n -> System.out.println("  note: " + n));
        System.out.printf("%s: %d rows read, %d accepted, %d filtered out, %d rejected; %d stored (new or replaced)%n",
                what, result.rowsRead(), result.rowsAccepted(), result.rowsFiltered(), result.rowsRejected(), result.stored());
        return result.rowsRejected() == 0 && result.complete() ? 0 : 1;
    }

    /** {@code import crimes}. */
    @Command(name = "crimes", mixinStandardHelpOptions = true,
            description = "Load data.police.uk street-level crime CSV files (.csv or .csv.gz; a directory loads all of them).")
    static class Crimes implements Callable<Integer> {
        @Parameters(paramLabel = "FILE|DIR", arity = "1..*")
        List<Path> inputs;

        @Option(names = "--lsoa-prefix", paramLabel = "TEXT", description = "Keep rows whose LSOA name starts with TEXT, e.g. 'Knowsley '.")
        String lsoaPrefix;

        @Option(names = "--within", paramLabel = "CODE", description = "Keep rows inside the stored boundary CODE.")
        String within;

        @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month to keep.")
        String from;

        @Option(names = "--to", paramLabel = "YYYY-MM", description = "Last month to keep.")
        String to;

        @Option(names = "--type", paramLabel = "TYPE", description = "Keep only this crime type (repeatable), e.g. 'Vehicle crime'.")
        List<String> types = new ArrayList<>();

        @Mixin
        Common common = new Common();

        @Override
        public Integer call() {
            MonthRange months;
            try {
                months = new MonthRange(from == null ? MonthRange.ALL.first() : YearMonth.parse(from),
                        to == null ? MonthRange.ALL.last() : YearMonth.parse(to));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                System.err.println("--from/--to must be months like 2019-01 with --from before --to: " + e.getMessage());
                return 2;
            }
            if (lsoaPrefix != null && within != null) {
                System.err.println("Give --lsoa-prefix or --within, not both.");
                return 2;
            }
            try (ApplicationContext ctx = common.config.start()) {
                AreaFilter area = AreaFilter.anywhere();
                if (lsoaPrefix != null) {
                    area = AreaFilter.lsoaNamePrefix(lsoaPrefix);
                } else if (within != null) {
                    var boundary = ctx.getBean(BoundaryStore.class).find(within);
                    if (boundary.isEmpty()) {
                        System.err.println("No boundary with code '" + within + "' is stored: import it first (sightline import boundary FILE).");
                        return 2;
                    }
                    area = AreaFilter.within(boundary.get().area());
                }
                CrimeFilter filter = new CrimeFilter(area, months, new HashSet<>(types));
                GeoImportService imports = ctx.getBean(GeoImportService.class);
                return common.withProgress(ctx, progress -> imports.crimes(inputs, filter, progress), "crimes",
                        inputs.stream().map(Path::toString).collect(java.util.stream.Collectors.joining(" ")));
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** Shared by {@code import boundary|roads|cameras|candidates}. */
    abstract static class FeatureImport implements Callable<Integer> {
        @Parameters(paramLabel = "FILE")
        Path file;

        @Option(names = "--format", paramLabel = "FORMAT", description = "geojson, geojsonl, gpkg or csv (default: from the file name).")
        String format;

        @Option(names = "--layer", paramLabel = "NAME", description = "GeoPackage layer (default: the only one).")
        String layer;

        @Mixin
        Common common = new Common();

        abstract String what();

        abstract ImportResult load(GeoImportService imports, Optional<FeatureFormat> format, Optional<String> layer,
                                   ProgressBar progress);

        @Override
        public Integer call() {
            Optional<FeatureFormat> f = Optional.empty();
            if (format != null) {
                f = FeatureFormat.find(format);
                if (f.isEmpty()) {
                    System.err.println("--format must be geojson, geojsonl, gpkg or csv, was '" + format + "'");
                    return 2;
                }
            }
            try (ApplicationContext ctx = common.config.start()) {
                GeoImportService imports = ctx.getBean(GeoImportService.class);
                Optional<FeatureFormat> chosen = f;
                return common.withProgress(ctx, progress -> load(imports, chosen, Optional.ofNullable(layer), progress), what(),
                        file.toString());
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }

    /** {@code import boundary}. */
    @Command(name = "boundary", aliases = "boundaries", mixinStandardHelpOptions = true,
            description = "Load boundaries (polygons) from GeoJSON, GeoJSON-lines or GeoPackage; invalid outlines are rejected.")
    static class Boundaries extends FeatureImport {
        @Option(names = "--code-field", paramLabel = "NAME", description = "Attribute holding the code (default: code, *cd, id).")
        String codeField;

        @Option(names = "--name-field", paramLabel = "NAME", description = "Attribute holding the name (default: name, *nm).")
        String nameField;

        @Override
        String what() {
            return "boundaries";
        }

        @Override
        ImportResult load(GeoImportService imports, Optional<FeatureFormat> format, Optional<String> layer, ProgressBar progress) {
            return imports.boundaries(file, format, layer, Optional.ofNullable(codeField), Optional.ofNullable(nameField), progress);
        }
    }

    /** {@code import roads}. */
    @Command(name = "roads", mixinStandardHelpOptions = true,
            description = "Load a road network (OS Open Roads or OpenStreetMap-derived GeoJSON/GeoPackage), keeping class and number.")
    static class Roads extends FeatureImport {
        @Override
        String what() {
            return "roads";
        }

        @Override
        ImportResult load(GeoImportService imports, Optional<FeatureFormat> format, Optional<String> layer, ProgressBar progress) {
            return imports.roads(file, format, layer, progress);
        }
    }

    /** {@code import cameras}. */
    @Command(name = "cameras", mixinStandardHelpOptions = true,
            description = "Load a camera estate: points with id, kind (ANPR/CCTV), azimuth_degrees and optional unit_id,"
                    + " deployment, mount_height_metres, horizontal_fov_degrees, resolution, status.")
    static class Cameras extends FeatureImport {
        @Override
        String what() {
            return "cameras";
        }

        @Override
        ImportResult load(GeoImportService imports, Optional<FeatureFormat> format, Optional<String> layer, ProgressBar progress) {
            return imports.cameras(file, format, layer, progress);
        }
    }

    /** {@code import candidates}. */
    @Command(name = "candidates", mixinStandardHelpOptions = true,
            description = "Load candidate sites: points with id and optional cost_gbp, constraints ('pole available;power'), source.")
    static class Candidates extends FeatureImport {
        @Override
        String what() {
            return "candidate sites";
        }

        @Override
        ImportResult load(GeoImportService imports, Optional<FeatureFormat> format, Optional<String> layer, ProgressBar progress) {
            return imports.candidates(file, format, layer, progress);
        }
    }

    /** {@code import demo AREA}. */
    @Command(name = "demo", mixinStandardHelpOptions = true,
            description = "Load a packaged demo area (boundary, roads, cameras, candidate sites), e.g. knowsley.")
    static class Demo implements Callable<Integer> {
        @Parameters(paramLabel = "AREA", defaultValue = "knowsley")
        String area;

        @Mixin
        UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

        @Override
        public Integer call() {
            try (ApplicationContext ctx = config.start()) {
                String loaded = ctx.getBean(DemoAreaLoader.class).load(area).describe();
                ctx.getBean(AuditLog.class).record(new AuditEvent(java.time.Instant.now(), ComplianceCommand.actor(),
                        "import.layer", "demo", "", "", "area=" + area + ";" + loaded));
                System.out.println(loaded);
                return 0;
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                return 2;
            } catch (RuntimeException e) {
                System.err.println(StartupFailure.explain(e));
                return 2;
            }
        }
    }
}
