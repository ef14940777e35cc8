package org.sightline.planner.plan.application;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.occlusion.application.BuildingLayers;
import org.sightline.planner.occlusion.domain.BuildingLayer;
import org.sightline.planner.plan.adapter.db.PlanStore;
import org.sightline.planner.plan.adapter.db.PlannerCrimeQuery;
import org.sightline.planner.plan.adapter.http.PlanRequestBody;
import org.sightline.planner.plan.adapter.http.PlanView;
import org.sightline.planner.plan.domain.PlanInputs;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.PlanRejected;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.siting.domain.ProgressListener;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;

/**
 * The one way plans are made, for the HTTP API and the command line alike: validates the request,
 * reads the area, crimes, overt cameras, surveyed sites, roads and (when asked) building footprints
 * from PostGIS, runs {@link PlanRunner}, stores the result and audits it.
 */
@Singleton
public class PlanService {

    private final BoundaryStore boundaries;
    private final CameraStore cameras;
    private final CandidateSiteStore sites;
    private final PlannerCrimeQuery crimes;
    private final RoadStore roads;
    private final BuildingLayers buildings;
    private final PlanStore plans;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final PlanRunner runner = new PlanRunner(new ProjectionService());

    public PlanService(BoundaryStore boundaries, CameraStore cameras, CandidateSiteStore sites, PlannerCrimeQuery crimes,
                       RoadStore roads, BuildingLayers buildings, PlanStore plans, AuditLog audit, ObjectMapper json) {
        this.boundaries = boundaries;
        this.cameras = cameras;
        this.sites = sites;
        this.crimes = crimes;
        this.roads = roads;
        this.buildings = buildings;
        this.plans = plans;
        this.audit = audit;
        this.json = json;
    }

    /**
     * Makes, stores and returns a plan.
     *
     * @throws IllegalArgumentException (or {@link PlanRejected}) with a message for the user
     */
    public PlanView create(PlanRequestBody body, String user, ProgressListener progress) {
        PlanRequest request = body.toDomain();
        Boundary boundary = boundaries.find(request.boundaryCode()).orElseThrow(() -> new PlanRejected(
                "no stored boundary with code '" + request.boundaryCode() + "'"));
        Optional<BuildingLayer> layer = Optional.empty();
        if (!request.occlusionLayerId().isEmpty()) {
            layer = Optional.of(buildings.find(request.occlusionLayerId()).orElseThrow(() -> new PlanRejected(
                    "no stored building layer '" + request.occlusionLayerId()
                            + "': store one first (plan cctv --occlusion FILE, or POST /api/planning/building-layers)")));
        }
        progress.phase("reading crimes, cameras, sites and roads");
        PlanInputs inputs = inputs(boundary, request);
        if (layer.isPresent()) {
            progress.phase("reading building footprints");
            inputs = inputs.withFootprints(buildings.footprintsAround(layer.get(), boundary.area().getEnvelopeInternal(),
                    request.camera().groundRangeMetres()),
                    "layer '" + layer.get().name() + "'");
        }
        PlanOutcome outcome = runner.run(request, inputs, progress);
        PlanView view = PlanView.of(boundary.code(), body.title(), outcome);
        UUID id = plans.save(user, boundary.code(), body.title(), write(body), write(view));
        PlanStore.StoredPlan stored = plans.find(id).orElseThrow();
        audit.record(new AuditEvent(Instant.now(), user == null || user.isBlank() ? "system:planner" : user,
                "planner.plan.create", id.toString(), "", "", String.format(Locale.ROOT,
                "%s, %s: %d new sites by %s covering %.1f %% of demand%s", boundary.code(), MonthRanges.format(request.months()),
                view.sites().size(), view.solver(), 100 * view.coveredShare(),
                layer.map(l -> "; buildings " + l.id()).orElse(""))));
        return view.withId(id.toString(), stored.createdAt().toString());
    }

    /**
     * The inputs of a plan over a stored boundary: the area, the crimes of {@code types} in
     * {@code months}, the overt cameras, the surveyed sites and the roads (no buildings).
     *
     * @throws PlanRejected when the boundary is not stored
     */
    public PlanInputs inputs(String boundaryCode, org.sightline.geo.crime.domain.MonthRange months, List<String> types) {
        Boundary boundary = boundaries.find(boundaryCode).orElseThrow(() -> new PlanRejected(
                "no stored boundary with code '" + boundaryCode + "'"));
        Envelope e = boundary.area().getEnvelopeInternal();
        e.expandBy(0.01);
        Optional<BoundingBox> box = Optional.of(BoundingBox.of(e));
        return new PlanInputs(boundary.area(), crimes.find(boundary.area(), months, types), cameras.list(box, false),
                sites.list(box), roads.list(box, Optional.empty()), List.of(), "");
    }

    /** A stored plan. */
    public Optional<PlanView> find(UUID id) {
        return plans.find(id).map(p -> read(p.outcomeJson()).withId(p.id().toString(), p.createdAt().toString()));
    }

    /** The latest plans (summaries). */
    public List<PlanStore.PlanSummary> recent(int limit) {
        return plans.listRecent(limit);
    }

    private PlanInputs inputs(Boundary boundary, PlanRequest request) {
        return inputs(boundary.code(), request.months(), request.weights().types());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plan JSON", e);
        }
    }

    private PlanView read(String text) {
        try {
            return json.readValue(text, PlanView.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read stored plan JSON", e);
        }
    }
}
