package org.sightline.planner.review.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.plan.domain.PlanInputs;
import org.sightline.planner.plan.domain.PlanRejected;
import org.sightline.planner.review.domain.EstateReview;
import org.sightline.planner.review.domain.RapidDeployment;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CandidateGenerator;
import org.sightline.planner.siting.domain.CoverageBuilder;
import org.sightline.planner.siting.domain.ExistingCamera;
import org.sightline.planner.siting.domain.SitingInstance;

/**
 * Reviews the CCTV estate and plans the month's re-deployable cameras from {@link PlanInputs},
 * whatever store they came from. Answers are plain maps ready to be written as JSON.
 */
public final class ReviewRunner {

    private final ProjectionService projections = new ProjectionService();

    /** Each camera's value on recent demand, the quiet ones, and the best relocation moves. */
    public Map<String, Object> review(PlanInputs inputs, MonthRange months, CrimeWeights weights, DoriLevel dori) {
        Context c = context(inputs, months, weights, 3, dori, List.of());
        EstateReview.Result r = new EstateReview().review(c.instance, 0.25, 10);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("months", MonthRanges.format(months));
        out.put("demand", "demand of " + String.join(", ", weights.types()) + " with a 3-month half-life");
        List<Map<String, Object>> cameras = new ArrayList<>();
        for (EstateReview.CameraValue v : r.cameras()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.camera().id());
            m.put("lon", v.camera().position().lonDegrees());
            m.put("lat", v.camera().position().latDegrees());
            m.put("records", v.records());
            m.put("coveredShare", v.coveredWeight() / r.totalWeight());
            m.put("marginalShare", v.marginalWeight() / r.totalWeight());
            m.put("quiet", v.quiet());
            cameras.add(m);
        }
        out.put("cameras", cameras);
        List<Map<String, Object>> moves = new ArrayList<>();
        for (EstateReview.Move mv : r.moves()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("camera", mv.camera().id());
            m.put("toSite", mv.siteId());
            m.put("toSource", c.instance.siteOf(mv.option()).source());
            LonLat to = c.instance.siteOf(mv.option()).position();
            m.put("lon", to.lonDegrees());
            m.put("lat", to.latDegrees());
            m.put("azimuthDegrees", mv.azimuthDegrees());
            m.put("gainShare", mv.gain() / r.totalWeight());
            m.put("explanation", String.format(Locale.ROOT,
                    "moving %s to %s (%s) gains %.1f %% of the demand: it covers %.1f %% there and only %.1f %% where it is",
                    mv.camera().id(), mv.siteId(), c.instance.siteOf(mv.option()).source(), 100 * mv.gain() / r.totalWeight(),
                    100 * mv.newMarginal() / r.totalWeight(), 100 * mv.currentMarginal() / r.totalWeight()));
            moves.add(m);
        }
        out.put("moves", moves);
        return out;
    }

    /**
     * Where the given re-deployable cameras (ids of estate cameras) should stand, from the prospective
     * demand of {@code months} (a one-month half-life), the rest of the estate locked.
     */
    public Map<String, Object> redeploy(PlanInputs inputs, MonthRange months, CrimeWeights weights, DoriLevel dori,
                                        List<String> redeployableIds, double minSpacingMetres) {
        if (redeployableIds.isEmpty()) {
            throw new PlanRejected("name the re-deployable cameras (cameraIds)");
        }
        Context c = context(inputs, months, weights, 1, dori, redeployableIds);
        List<RapidDeployment.Deployed> deployed = new ArrayList<>();
        for (String id : redeployableIds) {
            Camera cam = inputs.cameras().stream().filter(x -> x.id().value().equals(id)).findFirst()
                    .orElseThrow(() -> new PlanRejected("no camera with id '" + id + "' in the area"));
            deployed.add(new RapidDeployment.Deployed(id, c.projection.project(cam.position()), cam.azimuth().degrees()));
        }
        RapidDeployment.Result r = new RapidDeployment().recommend(c.instance, deployed, minSpacingMetres, 50);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("months", MonthRanges.format(months));
        List<Map<String, Object>> list = new ArrayList<>();
        for (RapidDeployment.Instruction i : r.instructions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("camera", i.camera().id());
            m.put("stay", i.stay());
            m.put("toSite", i.siteId());
            LonLat to = c.projection.unproject(i.to());
            m.put("lon", to.lonDegrees());
            m.put("lat", to.latDegrees());
            m.put("azimuthDegrees", i.azimuthDegrees());
            m.put("distanceMetres", Math.round(i.distanceMetres()));
            m.put("gainShare", i.gain() / r.totalWeight());
            m.put("explanation", i.stay() ? String.format(Locale.ROOT, "%s stays: it already watches a top position", i.camera().id())
                    : String.format(Locale.ROOT, "move %s %.0f m to %s: +%.1f %% of this month's prospective demand",
                    i.camera().id(), i.distanceMetres(), i.siteId(), 100 * i.gain() / r.totalWeight()));
            list.add(m);
        }
        out.put("instructions", list);
        return out;
    }

    private record Context(SitingInstance instance, MetricProjection projection) {
    }

    private Context context(PlanInputs inputs, MonthRange months, CrimeWeights weights, double halfLife, DoriLevel dori,
                            List<String> exclude) {
        PreparedGeometry area = PreparedGeometryFactory.prepare(inputs.area());
        MetricProjection projection = projections.forArea(inputs.area().getEnvelopeInternal());
        List<CrimeRecord> crimes = inputs.crimes().stream().filter(r -> area.covers(Wgs84.point(r.position()))).toList();
        Demand demand = new DemandBuilder(projection).build(crimes, DemandSpec.counts(weights, months).withRecencyHalfLife(halfLife));
        if (demand.isEmpty()) {
            throw new PlanRejected("no crimes of the chosen types in " + MonthRanges.format(months) + " in the area");
        }
        CameraSpec planSpec = new CameraSpec(30, 1920, 6, false, dori);
        List<ExistingCamera> estate = new ArrayList<>();
        for (Camera cam : inputs.cameras()) {
            if (cam.kind() != CameraKind.CCTV || cam.status() == EquipmentStatus.DECOMMISSIONED
                    || exclude.contains(cam.id().value())) {
                continue;
            }
            boolean allRound = cam.horizontalFovDegrees() >= 360;
            estate.add(new ExistingCamera(cam.id().value(), cam.position(), projection.project(cam.position()),
                    cam.azimuth().degrees(), new CameraSpec(allRound ? 30 : cam.horizontalFovDegrees(),
                    cam.resolution().widthPixels(), cam.mountHeightMetres(), allRound, dori)));
        }
        if (estate.isEmpty() && exclude.isEmpty()) {
            throw new PlanRejected("no CCTV cameras in the area to review");
        }
        Map<LonLat, String> locations = new LinkedHashMap<>();
        crimes.forEach(r -> locations.putIfAbsent(r.position(), r.location()));
        List<Candidate> candidates = new ArrayList<>(new CandidateGenerator(projection, 0).mapPoints(locations));
        inputs.sites().forEach(s -> candidates.add(new Candidate(s.id().value(), s.position(), projection.project(s.position()),
                s.costGbp(), s.source())));
        return new Context(new CoverageBuilder(8).build(demand, planSpec, candidates, estate), projection);
    }
}
