package org.sightline.planner.plan.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.Occlusion;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.plan.domain.PlanInputs;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.PlanRejected;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.siting.adapter.ortools.ExactSolver;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.ExistingCamera;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.ProgressListener;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * Answers a {@link PlanRequest} from {@link PlanInputs}, whatever store they came from: builds the
 * demand, the candidates (surveyed sites in the area that the site filter keeps, plus sites
 * generated at map points and road junctions when asked: {@link PlanCandidates}), locks the existing CCTV cameras, lets building footprints block views,
 * optimises, and explains each recommended site ({@link PlanOutcomes}). Refuses with
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
        PlanCandidates.Chosen chosen = PlanCandidates.of(request, inputs.sites(), crimes, inputs.roads(), area, projection);
        List<Candidate> candidates = chosen.candidates();
        if (candidates.isEmpty()) {
            throw new PlanRejected("no candidate sites in " + request.boundaryCode() + (chosen.surveyedDropped() > 0
                    ? ": " + chosen.notes().get(0) + "; relax the filter or allow generated sites"
                    : ": load surveyed sites or allow generated ones"));
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
        Occlusion occlusion = Occlusion.ofWgs84(inputs.footprints(), projection);
        SitingInstance instance = new CoverageBuilder(request.azimuths()).build(demand, request.camera(), candidates,
                existing, occlusion);
        SitingProblem problem = new SitingProblem(instance, request.limit(), request.minSpacingMetres());
        progress.phase("choosing cameras");
        SitingResult result = new LazyGreedy().solve(problem, progress);
        if (request.solver() == PlanRequest.Solver.EXACT) {
            progress.phase("exact optimisation (up to " + request.timeLimit().toSeconds() + " s)");
            result = new ExactSolver(ExactSolver.Engine.SCIP, request.timeLimit(), 0.001).solve(problem, result);
        }
        progress.phase("explaining the plan");
        return new PlanOutcomes(request, instance, inputs.footprintSource()).of(result, crimes.size(), chosen.description(),
                chosen.notes());
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
}
