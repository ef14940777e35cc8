package org.sightline.planner.plan.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.SiteRecommendation;

/**
 * A plan as the API returns it (and stores it): ids, the request summary, which candidate sites it
 * chose from (site filter: required and excluded survey constraints, and a description), the ranked
 * sites, the curve, records by crime type in the area and added by the plan, and the area's hotspots
 * with their coverage. Plans stored before a field existed read it as empty (or null).
 */
@Serdeable
public record PlanView(
        @Nullable String id,
        @Nullable String createdAt,
        @Nullable String boundary,
        @Nullable String title,
        @Nullable String demand,
        @Nullable String camera,
        @Nullable String solver,
        @Nullable String solverStatus,
        double solverSeconds,
        double totalDemand,
        double existingCoveredShare,
        double coveredShare,
        @Nullable Double upperBoundShare,
        @Nullable Double gap,
        long records,
        int demandPoints,
        int candidates,
        int existingCameras,
        @Nullable String occlusion,
        @Nullable List<String> requiredConstraints,
        @Nullable List<String> excludedConstraints,
        @Nullable String candidateSites,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<String, Integer> recordsByType,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Map<String, Integer> addedRecordsByType,
        @Nullable List<Hotspot> hotspots,
        @Nullable List<Site> sites,
        @Nullable List<Curve> curve,
        @Nullable List<String> notes) {

    /** Absent text and lists (a JSON mapper may leave empty values out) read as empty. */
    public PlanView {
        boundary = boundary == null ? "" : boundary;
        title = title == null ? "" : title;
        demand = demand == null ? "" : demand;
        camera = camera == null ? "" : camera;
        solver = solver == null ? "" : solver;
        solverStatus = solverStatus == null ? "" : solverStatus;
        occlusion = occlusion == null ? "" : occlusion;
        requiredConstraints = requiredConstraints == null ? List.of() : List.copyOf(requiredConstraints);
        excludedConstraints = excludedConstraints == null ? List.of() : List.copyOf(excludedConstraints);
        candidateSites = candidateSites == null ? "" : candidateSites;
        hotspots = hotspots == null ? List.of() : List.copyOf(hotspots);
        sites = sites == null ? List.of() : List.copyOf(sites);
        curve = curve == null ? List.of() : List.copyOf(curve);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One recommended site. {@code sector} is a closed WGS84 ring of [lon, lat] pairs (cut at
     * buildings when footprints were given); {@code hotspot} the hotspot it covers most of.
     */
    @Serdeable
    public record Site(int rank, String siteId, @Nullable String source, double lon, double lat, double azimuthDegrees,
                       double costGbp, @Nullable Map<String, Integer> recordsByType, double marginalGain,
                       double marginalShare, double cumulativeShare, @Nullable String hotspot, double hotspotShare,
                       @Nullable String explanation, @Nullable List<List<Double>> sector) {
        public Site {
            source = source == null ? "" : source;
            hotspot = hotspot == null ? "" : hotspot;
            recordsByType = recordsByType == null ? Map.of() : recordsByType;
            explanation = explanation == null ? "" : explanation;
            sector = sector == null ? List.of() : sector;
        }
    }

    /**
     * One hotspot of the area: its size, records, weighted demand and share of the area's demand, and
     * the share of its demand covered before ({@code existingShare}) and with the plan
     * ({@code coveredShare}: existing and new cameras). Plans stored before area and weight were
     * kept read them as null.
     */
    @Serdeable
    public record Hotspot(int rank, String name, int cells, @Nullable Double areaKm2, long records,
                          @Nullable Double weightedDemand, double demandShare, double existingShare,
                          double coveredShare, double lon, double lat) {
    }

    /** Total cost of the recommended sites in pounds. */
    public double costGbp() {
        return sites.stream().mapToDouble(Site::costGbp).sum();
    }

    /** One point of the coverage curve. */
    @Serdeable
    public record Curve(int cameras, double costGbp, double coveredShare) {
    }

    /** The view of a fresh outcome (id and time set when stored). */
    public static PlanView of(String boundary, String title, PlanOutcome o) {
        List<Site> sites = new ArrayList<>();
        for (SiteRecommendation s : o.sites()) {
            List<List<Double>> ring = new ArrayList<>();
            for (LonLat p : s.sector()) {
                ring.add(List.of(round(p.lonDegrees(), 6), round(p.latDegrees(), 6)));
            }
            sites.add(new Site(s.rank(), s.siteId(), s.siteSource(), round(s.position().lonDegrees(), 6),
                    round(s.position().latDegrees(), 6), s.azimuthDegrees(), s.costGbp(), s.recordsByType(),
                    round(s.marginalGain(), 3), s.marginalShare(), s.cumulativeShare(), s.hotspot(), s.hotspotShare(),
                    s.explanation(), ring));
        }
        List<Curve> curve = o.curve().stream().map(c -> new Curve(c.cameras(), c.costGbp(), c.coveredShare())).toList();
        List<Hotspot> hotspots = o.hotspots().stream().map(h -> new Hotspot(h.rank(), h.name(), h.cells(),
                round(h.areaKm2(), 4), h.records(), round(h.weight(), 3), h.demandShare(), h.existingShare(),
                h.coveredShare(), round(h.centre().lonDegrees(), 6), round(h.centre().latDegrees(), 6))).toList();
        return new PlanView(null, null, boundary, title == null ? "" : title, o.demandDescription(),
                o.cameraDescription(), o.solver(), o.solverStatus(), round(o.solverSeconds(), 4), round(o.totalDemand(), 3),
                o.existingCoveredShare(), o.coveredShare(), finite(o.upperBoundShare()), finite(o.gap()), o.records(),
                o.demandPoints(), o.candidates(), o.existingCameras(), o.occlusionDescription(),
                names(o.siteFilter().required()), names(o.siteFilter().excluded()), o.candidateDescription(),
                o.recordsByType(),
                o.addedRecordsByType(), hotspots, sites, curve, o.notes());
    }

    /** A copy carrying the stored id and time. */
    public PlanView withId(String newId, String newCreatedAt) {
        return new PlanView(newId, newCreatedAt, boundary, title, demand, camera, solver, solverStatus, solverSeconds,
                totalDemand, existingCoveredShare, coveredShare, upperBoundShare, gap, records, demandPoints, candidates,
                existingCameras, occlusion, requiredConstraints, excludedConstraints, candidateSites, recordsByType, addedRecordsByType, hotspots, sites, curve, notes);
    }

    private static List<String> names(java.util.Set<SiteConstraint> constraints) {
        return constraints.stream().sorted().map(Enum::name).toList();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
