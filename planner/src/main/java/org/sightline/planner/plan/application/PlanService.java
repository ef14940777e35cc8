package org.sightline.planner.plan.application;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.planner.plan.adapter.db.PlanStore;
import org.sightline.planner.plan.adapter.db.PlannerCrimeQuery;
import org.sightline.planner.plan.adapter.http.PlanRequestBody;
import org.sightline.planner.plan.adapter.http.PlanView;
import org.sightline.planner.plan.domain.PlanInputs;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.PlanRejected;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.siting.domain.ProgressListener;

/**
 * The one way plans are made, for the HTTP API and the command line alike: validates the request,
 * reads the area, crimes, overt cameras and surveyed sites from PostGIS, runs {@link PlanRunner}
 * and stores the result.
 */
@Singleton
public class PlanService {

    private final BoundaryStore boundaries;
    private final CameraStore cameras;
    private final CandidateSiteStore sites;
    private final PlannerCrimeQuery crimes;
    private final PlanStore plans;
    private final ObjectMapper json;
    private final PlanRunner runner = new PlanRunner(new ProjectionService());

    public PlanService(BoundaryStore boundaries, CameraStore cameras, CandidateSiteStore sites, PlannerCrimeQuery crimes,
                       PlanStore plans, ObjectMapper json) {
        this.boundaries = boundaries;
        this.cameras = cameras;
        this.sites = sites;
        this.crimes = crimes;
        this.plans = plans;
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
        progress.phase("reading crimes, cameras and sites");
        PlanInputs inputs = inputs(boundary, request);
        PlanOutcome outcome = runner.run(request, inputs, progress);
        PlanView view = PlanView.of(boundary.code(), body.title(), outcome);
        UUID id = plans.save(user, boundary.code(), body.title(), write(body), write(view));
        PlanStore.StoredPlan stored = plans.find(id).orElseThrow();
        return view.withId(id.toString(), stored.createdAt().toString());
    }

    /**
     * The inputs of a plan over a stored boundary: the area, the crimes of {@code types} in
     * {@code months}, the overt cameras and the surveyed sites.
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
                sites.list(box));
    }

    /** A stored plan. */
    public Optional<PlanView> find(UUID id) {
        return plans.find(id).map(p -> read(p.outcomeJson()).withId(p.id().toString(), p.createdAt().toString()));
    }

    /** The latest plans (summaries). */
    public List<PlanStore.StoredPlan> recent(int limit) {
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
