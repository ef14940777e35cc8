package org.sightline.planner.plan.application;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.plan.domain.PlanInputs;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.PlanRejected;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.plan.domain.SiteRecommendation;
import org.sightline.planner.siting.adapter.ortools.ExactSolver;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CandidateGenerator;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.ExistingCamera;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.Pick;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.ProgressListener;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * Answers a {@link PlanRequest} from {@link PlanInputs}, whatever store they came from: builds the
 * demand, the candidates (surveyed sites in the area, plus generated map-point sites when asked),
 * locks the existing CCTV cameras, optimises, and explains each recommended site. Refuses with
 * {@link PlanRejected} what cannot be answered. Stateless and thread-safe.
 */
public final class PlanRunner {

    private final ProjectionService projections;

    public PlanRunner(ProjectionService projections) {
        this.projections = projections;
    }

    /** Computes the plan; {@code progress} hears cameras chosen so far. */
    public PlanOutcome run(PlanRequest request, PlanInputs inputs, ProgressListener progress) {
        if (inputs.area().isEmpty() || inputs.area().getArea() == 0) {
            throw new PlanRejected("the area " + request.boundaryCode() + " is empty");
        }
        PreparedGeometry area = PreparedGeometryFactory.prepare(inputs.area());
        MetricProjection projection = projections.forArea(inputs.area().getEnvelopeInternal());
        List<CrimeRecord> crimes = inputs.crimes().stream()
                .filter(r -> area.covers(Wgs84.point(r.position()))).toList();
        DemandSpec spec = DemandSpec.predictive(request.weights(), request.months())
                .withRecencyHalfLife(request.recencyHalfLifeMonths())
                .withVulnerability(request.vulnerabilityByLsoa(), 1);
        Demand demand = new DemandBuilder(projection).build(crimes, spec);
        if (demand.isEmpty() || demand.totalWeight() <= 0) {
            throw new PlanRejected("no crimes of the chosen types (" + String.join(", ", request.weights().types())
                    + ") in " + MonthRanges.format(request.months()) + " inside " + request.boundaryCode());
        }
        List<Candidate> candidates = candidates(request, inputs, crimes, area, projection);
        if (candidates.isEmpty()) {
            throw new PlanRejected("no candidate sites in " + request.boundaryCode()
                    + ": load surveyed sites or allow generated ones");
        }
        if (request.limit() instanceof PlanLimit.Budget budget) {
            double cheapest = candidates.stream().mapToDouble(Candidate::costGbp).min().orElseThrow();
            if (budget.gbp() < cheapest) {
                throw new PlanRejected(String.format(Locale.ROOT,
                        "the budget of £%,.0f is below the cheapest site's cost (£%,.0f)", budget.gbp(), cheapest));
            }
        }
        progress.phase("building coverage of " + candidates.size() + " sites");
        List<ExistingCamera> existing = existing(inputs.cameras(), request.camera(), projection, area);
        SitingInstance instance = new CoverageBuilder(request.azimuths()).build(demand, request.camera(), candidates, existing);
        SitingProblem problem = new SitingProblem(instance, request.limit(), request.minSpacingMetres());
        progress.phase("choosing cameras");
        SitingResult result = new LazyGreedy().solve(problem, progress);
        if (request.solver() == PlanRequest.Solver.EXACT) {
            progress.phase("exact optimisation (up to " + request.timeLimit().toSeconds() + " s)");
            result = new ExactSolver(ExactSolver.Engine.SCIP, request.timeLimit(), 0.001).solve(problem, result);
        }
        return outcome(request, instance, result, crimes.size(), candidates.size());
    }

    private List<Candidate> candidates(PlanRequest request, PlanInputs inputs, List<CrimeRecord> crimes,
                                       PreparedGeometry area, MetricProjection projection) {
        List<Candidate> out = new ArrayList<>();
        for (CandidateSite s : inputs.sites()) {
            if (area.covers(Wgs84.point(s.position()))) {
                out.add(new Candidate(s.id().value(), s.position(), projection.project(s.position()), s.costGbp(),
                        s.source().isEmpty() ? "surveyed" : s.source()));
            }
        }
        if (request.generateCandidates()) {
            java.util.Map<LonLat, String> locations = new java.util.LinkedHashMap<>();
            crimes.forEach(r -> locations.putIfAbsent(r.position(), r.location()));
            out.addAll(new CandidateGenerator(projection, request.generatedSiteCostGbp()).mapPoints(locations));
        }
        return out;
    }

    private static List<ExistingCamera> existing(List<Camera> cameras, CameraSpec planSpec, MetricProjection projection,
                                                 PreparedGeometry area) {
        List<ExistingCamera> out = new ArrayList<>();
        for (Camera c : cameras) {
            if (c.kind() != CameraKind.CCTV || c.status() == EquipmentStatus.DECOMMISSIONED
                    || !area.getGeometry().isWithinDistance(Wgs84.point(c.position()), 0.01)) {
                continue;
            }
            boolean allRound = c.horizontalFovDegrees() >= 360;
            CameraSpec spec = new CameraSpec(allRound ? planSpec.horizontalFovDegrees() : c.horizontalFovDegrees(),
                    c.resolution().widthPixels(), c.mountHeightMetres(), allRound, planSpec.dori());
            out.add(new ExistingCamera(c.id().value(), c.position(), projection.project(c.position()),
                    c.azimuth().degrees(), spec));
        }
        return out;
    }

    private static PlanOutcome outcome(PlanRequest request, SitingInstance in, SitingResult result, long records,
                                       int candidates) {
        Demand demand = in.demand();
        double total = demand.totalWeight();
        long months = ChronoUnit.MONTHS.between(request.months().first(), request.months().last()) + 1;
        GeometryFactory metric = new GeometryFactory();
        List<SiteRecommendation> sites = new ArrayList<>();
        List<PlanOutcome.CurvePoint> curve = new ArrayList<>();
        curve.add(new PlanOutcome.CurvePoint(0, 0, result.existingWeight() / total));
        double cost = 0;
        for (Pick p : result.picks()) {
            Candidate site = in.siteOf(p.option());
            Map<String, Integer> byType = new LinkedHashMap<>();
            for (int t = 0; t < demand.types().size(); t++) {
                int n = 0;
                for (int point : in.optionCovers()[p.option()]) {
                    n += demand.count(point, t);
                }
                if (n > 0) {
                    byType.put(demand.types().get(t), n);
                }
            }
            List<LonLat> ring = new ArrayList<>();
            for (Coordinate c : in.sectorOf(p.option()).toPolygon(metric).getCoordinates()) {
                ring.add(demand.projection().unproject(new GridPoint(c.x, c.y)));
            }
            cost += p.costGbp();
            sites.add(new SiteRecommendation(sites.size() + 1, site.id(), site.source(), site.position(),
                    p.azimuthDegrees(), p.costGbp(), byType, p.marginalGain(), p.marginalGain() / total,
                    p.cumulativeCovered() / total, explain(byType, months, p.marginalGain(), total), ring));
            curve.add(new PlanOutcome.CurvePoint(sites.size(), cost, p.cumulativeCovered() / total));
        }
        List<String> notes = new ArrayList<>();
        if (result.picks().isEmpty()) {
            notes.add("no new camera adds coverage: every reachable crime is already covered or no site reaches one");
        } else if (request.limit() instanceof PlanLimit.CameraCount k && result.picks().size() < k.cameras()) {
            notes.add(String.format(Locale.ROOT, "only %d of %d cameras add coverage; the others would cover nothing new",
                    result.picks().size(), k.cameras()));
        }
        CameraSpec cam = request.camera();
        String camera = String.format(Locale.ROOT, "%s %.0f° lens, %d px, %.1f m mast, %s: covers %.0f m",
                cam.ptz() ? "PTZ" : "fixed", cam.horizontalFovDegrees(), cam.widthPixels(), cam.mountHeightMetres(),
                cam.dori().name().toLowerCase(Locale.ROOT), cam.groundRangeMetres());
        DemandSpec ds = demand.spec();
        String demandText = String.format(Locale.ROOT, "%s, %s; recency half-life %s; smoothing %.0f m × %.1f%s",
                MonthRanges.format(request.months()), weightsText(request),
                ds.recencyHalfLifeMonths() == 0 ? "off" : String.format(Locale.ROOT, "%.0f months", ds.recencyHalfLifeMonths()),
                ds.smoothingBandwidthMetres(), ds.smoothingShare(),
                ds.vulnerabilityByLsoa().isEmpty() ? "" : "; vulnerability weights for " + ds.vulnerabilityByLsoa().size() + " LSOAs");
        return new PlanOutcome(sites, curve, result.solver(), result.status(), result.seconds(), total,
                result.existingWeight() / total, result.coveredShare(),
                Double.isNaN(result.upperBound()) ? Double.NaN : result.upperBound() / total, result.gap(), records,
                demand.size(), candidates, in.existing().size(), demandText, camera, notes);
    }

    private static String weightsText(PlanRequest request) {
        List<String> parts = new ArrayList<>();
        request.weights().byType().forEach((t, w) -> parts.add(w == 1 ? t : String.format(Locale.ROOT, "%s ×%.2g", t, w)));
        return String.join(", ", parts);
    }

    /** "31 vehicle crimes and 54 ASB reports in 24 months within its sector; marginal gain …". */
    static String explain(Map<String, Integer> byType, long months, double gain, double total) {
        List<Map.Entry<String, Integer>> top = byType.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).toList();
        List<String> parts = new ArrayList<>();
        int others = 0;
        for (int i = 0; i < top.size(); i++) {
            if (i < 3) {
                parts.add(top.get(i).getValue() + " " + CrimeTypes.pluralLabel(top.get(i).getKey()));
            } else {
                others += top.get(i).getValue();
            }
        }
        if (others > 0) {
            parts.add(others + " other priority crimes");
        }
        String listed = parts.isEmpty() ? "no recorded crime"
                : parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return String.format(Locale.ROOT, "%s in %d months within its sector; marginal gain %.1f (%.1f %% of the area's demand)",
                listed, months, gain, 100 * gain / total);
    }
}
