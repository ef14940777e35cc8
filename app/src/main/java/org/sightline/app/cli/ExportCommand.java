package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.geo.transfer.GeoExportService;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sightline export KIND --format geojson|gpkg|csv --out FILE}: stored geography to a GIS file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write boundaries, roads, arterials, crossings, cameras or candidates to GeoJSON, GeoPackage or CSV.")
public class ExportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "KIND", description = "boundaries, roads, arterials, crossings, cameras or candidates.")
    String kind;

    @Option(names = "--format", defaultValue = "geojson", paramLabel = "FORMAT",
            description = "geojson, geojsonl, gpkg or csv (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced if it exists).")
    Path out;

    @Option(names = "--bbox", paramLabel = "W,S,E,N", description = "Only features meeting this WGS84 box.")
    String bbox;

    @Option(names = "--boundary", paramLabel = "CODE", description = "Crossings: the boundary to cross.")
    String boundary;

    @Option(names = "--include-covert", description = "Cameras: include covert cameras (handle the file accordingly).")
    boolean includeCovert;

    @Mixin
    UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

    @Override
    public Integer call() {
        Optional<GeoExportService.Kind> k = GeoExportService.Kind.find(kind);
        if (k.isEmpty()) {
            System.err.println("KIND must be one of " + Arrays.stream(GeoExportService.Kind.values())
                    .map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", was '" + kind + "'");
            return 2;
        }
        Optional<FeatureFormat> f = FeatureFormat.find(format);
        if (f.isEmpty()) {
            System.err.println("--format must be geojson, geojsonl, gpkg or csv, was '" + format + "'");
            return 2;
        }
        Optional<BoundingBox> box;
        try {
            box = bbox == null ? Optional.empty() : Optional.of(BoundingBox.parse(bbox));
        } catch (IllegalArgumentException e) {
            System.err.println("--bbox: " + e.getMessage());
            return 2;
        }
        try (ApplicationContext ctx = config.start()) {
            long n = ctx.getBean(GeoExportService.class).export(k.get(), out, f.get(), box, Optional.ofNullable(boundary), includeCovert);
            System.out.println("Wrote " + n + " " + k.get().name().toLowerCase(Locale.ROOT) + " to " + out + " (" + f.get().key() + ")");
            ctx.getBean(AuditLog.class).record(new AuditEvent(Instant.now(), ComplianceCommand.actor(), "export.layer",
                    k.get().name().toLowerCase(Locale.ROOT), "", "", "file=" + out.toAbsolutePath() + ";format=" + f.get().key()
                            + ";features=" + n + (includeCovert ? ";covert included" : "")));
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            System.err.println("Cannot write " + out + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            System.err.println(StartupFailure.explain(e));
            return 2;
        }
    }
}
