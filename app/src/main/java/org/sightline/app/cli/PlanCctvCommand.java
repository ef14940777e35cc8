package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.serde.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.sightline.app.cli.plan.CameraOptions;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.occlusion.application.BuildingLayers;
import org.sightline.planner.plan.adapter.http.PlanRequestBody;
import org.sightline.planner.plan.adapter.http.PlanView;
import org.sightline.planner.plan.application.PlanService;
import org.sightline.planner.siting.domain.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sightline plan cctv}: the same plan as {@code POST /api/plans} (same service, same stored
 * result), from the command line. Options mirror the JSON body; {@code --request FILE} takes the
 * body itself.
 */
@Command(name = "cctv", mixinStandardHelpOptions = true,
        description = "Recommend CCTV sites for a stored boundary (crimes, cameras and sites from the database).")
public class PlanCctvCommand implements Callable<Integer> {

    @Option(names = "--request", paramLabel = "FILE", description = "A JSON request, as for POST /api/plans (other options are then ignored).")
    Path request;

    @Option(names = "--boundary", paramLabel = "CODE", description = "Code of a stored boundary, e.g. E08000011.")
    String boundary;

    @Option(names = "--months", paramLabel = "YYYY-MM..YYYY-MM", description = "Months of crime that make the demand.")
    String months;

    @Option(names = "--cameras", description = "How many new cameras.")
    Integer cameras;

    @Option(names = "--budget", paramLabel = "GBP", description = "Budget for new sites instead of a count.")
    Double budget;

    @Option(names = "--types", split = ",", paramLabel = "TYPE[=WEIGHT]",
            description = "Crime types and weights (default: the partnership priorities, weight 1).")
    List<String> types;

    @Option(names = "--half-life", paramLabel = "MONTHS", description = "Recency half-life in months, 0 = off (default 12).")
    Double halfLife;

    @Option(names = "--azimuths", description = "Directions tried per site (default 8).")
    Integer azimuths;

    @Option(names = "--min-spacing", paramLabel = "METRES", description = "Minimum distance between new sites (default 0).")
    Double minSpacing;

    @Option(names = "--solver", description = "greedy (default) or exact.")
    String solver;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Exact solver time limit (default 30).")
    Integer timeLimit;

    @Option(names = "--surveyed-only", description = "Only surveyed candidate sites (no sites generated at crime map points or road junctions).")
    boolean surveyedOnly;

    @Option(names = "--site-cost", paramLabel = "GBP", description = "Cost of a generated site (default 15000).")
    Double siteCost;

    @Option(names = "--require", split = ",", paramLabel = "CONSTRAINT",
            description = "Only surveyed sites with these survey facts, e.g. pole,power (names: POLE_AVAILABLE, POWER_AVAILABLE,"
                    + " NETWORK_AVAILABLE, NEEDS_NEW_POLE, NEEDS_PERMISSION, CONSERVATION_AREA; case, '-' and ' ' are free)."
                    + " Generated sites have no survey facts and are kept: add --surveyed-only to filter every site.")
    List<String> require;

    @Option(names = "--exclude", split = ",", paramLabel = "CONSTRAINT",
            description = "Leave out surveyed sites with these survey facts, e.g. conservation-area,needs-permission.")
    List<String> exclude;

    @Option(names = {"--occlusion", "--buildings"}, paramLabel = "FILE",
            description = "Building footprints that block the view (GeoJSON or GeoPackage polygons, e.g. OS Open Map Local"
                    + " buildings); stored as a building layer (once per file) and used by this plan.")
    Path occlusion;

    @Option(names = "--building-layer", paramLabel = "ID", description = "Id of a building layer stored before.")
    String buildingLayer;

    @Option(names = "--title", description = "A title for the stored plan.")
    String title;

    @Option(names = "--json", description = "Print the plan as the API returns it.")
    boolean printJson;

    @Mixin
    CameraOptions camera = new CameraOptions();

    @Mixin
    UsersCommand.ConfigOptions config = new UsersCommand.ConfigOptions();

    @Override
    public Integer call() throws Exception {
        try (ApplicationContext ctx = config.start()) {
            ObjectMapper json = ctx.getBean(ObjectMapper.class);
            String user = System.getProperty("user.name", "");
            PlanRequestBody body = request != null ? json.readValue(Files.readString(request), PlanRequestBody.class) : body();
            if (occlusion != null && buildingLayer != null) {
                throw new IllegalArgumentException("give --occlusion FILE or --building-layer ID, not both");
            }
            if (occlusion != null) {
                BuildingLayers.Imported imported = ctx.getBean(BuildingLayers.class)
                        .importFile(occlusion, java.util.Optional.empty(), null, user);
                System.err.println(imported.describe());
                body = body.withBuildingLayer(imported.layer().id().toString());
            } else if (buildingLayer != null) {
                body = body.withBuildingLayer(buildingLayer);
            }
            PlanView plan = ctx.getBean(PlanService.class).create(body, user, progress());
            System.err.println();
            if (printJson) {
                System.out.println(json.writeValueAsString(plan));
            } else {
                print(plan);
            }
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println();
            System.err.println("sightline plan cctv: " + e.getMessage());
            return 2;
        }
    }

    private PlanRequestBody body() {
        Map<String, Double> weights = null;
        if (types != null && !types.isEmpty()) {
            weights = new LinkedHashMap<>();
            for (String t : types) {
                String[] parts = t.split("=", 2);
                double w;
                try {
                    w = parts.length == 2 ? Double.parseDouble(parts[1].strip()) : 1;
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("weight in '" + t + "' is not a number");
                }
                weights.put(CrimeTypes.require(parts[0]), w);
            }
        }
        CameraOptions c = camera;
        return new PlanRequestBody(boundary, months, title, weights, halfLife, null, cameras, budget,
                new PlanRequestBody.CameraBody(c.fovDegrees, c.widthPixels, c.mountHeightMetres, c.ptz, c.dori),
                azimuths, minSpacing, solver, timeLimit, !surveyedOnly, siteCost, null, require, exclude);
    }

    private static ProgressListener progress() {
        return (done, total) -> System.err.print(total > 0
                ? String.format(Locale.ROOT, "\rchoosing cameras: %d/%d", done, total)
                : String.format(Locale.ROOT, "\rchoosing cameras: %d", done));
    }

    private static void print(PlanView p) {
        System.out.printf(Locale.ROOT, "Plan %s for %s%s%n", p.id(), p.boundary(), p.title().isEmpty() ? "" : " (" + p.title() + ")");
        System.out.println("demand: " + p.demand());
        System.out.println("camera: " + p.camera());
        System.out.println("buildings: " + (p.occlusion().isEmpty() ? "not recorded" : p.occlusion()));
        if (!p.candidateSites().isEmpty()) {
            System.out.println("candidate sites: " + p.candidateSites());
        }
        System.out.printf(Locale.ROOT, "%d records at %d map points; %d candidate sites; %d existing cameras cover %.1f %% of demand%n",
                p.records(), p.demandPoints(), p.candidates(), p.existingCameras(), 100 * p.existingCoveredShare());
        System.out.printf(Locale.ROOT, "solver %s (%s, %.2f s): covers %.1f %% of demand%s%n", p.solver(), p.solverStatus(),
                p.solverSeconds(), 100 * p.coveredShare(), p.upperBoundShare() == null ? ""
                        : String.format(Locale.ROOT, "; bound %.1f %%, gap %.2f %%", 100 * p.upperBoundShare(), 100 * p.gap()));
        for (PlanView.Site s : p.sites()) {
            System.out.printf(Locale.ROOT, "%3d. %s (%s) at %.5f, %.5f facing %.0f°, £%,.0f; cumulative %.1f %%%n      %s%n",
                    s.rank(), s.siteId(), s.source(), s.lat(), s.lon(), s.azimuthDegrees(), s.costGbp(),
                    100 * s.cumulativeShare(), s.explanation());
        }
        if (!p.hotspots().isEmpty()) {
            System.out.println("hotspots (Gi*, FDR 5 %), share of each covered before -> after:");
            p.hotspots().stream().limit(5).forEach(h -> System.out.printf(Locale.ROOT,
                    "  %d. %s: %d records in %d cells (%.1f %% of demand), %.0f %% -> %.0f %%%n", h.rank(), h.name(),
                    h.records(), h.cells(), 100 * h.demandShare(), 100 * h.existingShare(), 100 * h.coveredShare()));
        }
        p.notes().forEach(n -> System.out.println("note: " + n));
    }
}
