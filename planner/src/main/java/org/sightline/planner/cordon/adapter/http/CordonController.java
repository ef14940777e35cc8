package org.sightline.planner.cordon.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.config.GeoProperties;
import org.sightline.geo.crossing.domain.BoroughCrossing;
import org.sightline.geo.crossing.domain.CrossingFinder;
import org.sightline.geo.crossing.domain.TrafficFlow;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.planner.cordon.adapter.ortools.CordonSolver;
import org.sightline.planner.cordon.domain.AnprReader;
import org.sightline.planner.cordon.domain.CordonCrossing;
import org.sightline.planner.cordon.domain.CordonPlan;
import org.sightline.planner.cordon.domain.CordonProblem;
import org.sightline.planner.cordon.domain.CordonSettings;

/**
 * {@code GET /api/planning/cordon?boundary=CODE[&budgetGbp=][&siteCostGbp=]}: the ANPR cordon of a
 * stored boundary from geo-data's borough crossings and the existing ANPR cameras (locked): the
 * fewest new sites so that every arterial crossing is read both ways, or with a budget the sites
 * that read the most road-class weight; and the crossing directions left open.
 */
@Controller("/api/planning/cordon")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CordonController {

    private final BoundaryStore boundaries;
    private final RoadStore roads;
    private final CameraStore cameras;
    private final CrossingFinder finder;
    private final ArterialSelection arterial;
    private final ObjectMapper json;
    private final ProjectionService projections = new ProjectionService();

    public CordonController(BoundaryStore boundaries, RoadStore roads, CameraStore cameras, CrossingFinder finder,
                            GeoProperties properties, ObjectMapper json) {
        this.boundaries = boundaries;
        this.roads = roads;
        this.cameras = cameras;
        this.finder = finder;
        this.arterial = properties.arterialSelection();
        this.json = json;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> cordon(@Nullable @QueryValue String boundary, @Nullable @QueryValue Double budgetGbp,
                                              @Nullable @QueryValue Double siteCostGbp) throws IOException {
        CordonSettings settings;
        try {
            if (boundary == null || boundary.isBlank()) {
                throw new IllegalArgumentException("boundary is missing: give the code of a stored boundary");
            }
            settings = CordonSettings.defaults();
            if (siteCostGbp != null) {
                settings = settings.withSiteCost(siteCostGbp);
            }
            if (budgetGbp != null && !(budgetGbp >= settings.siteCostGbp())) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "the budget (£%,.0f) is below the cost of one ANPR site (£%,.0f)", budgetGbp, settings.siteCostGbp()));
            }
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
        Optional<Boundary> area = boundaries.find(boundary.strip());
        if (area.isEmpty()) {
            return GeoJsonResponses.problem(HttpStatus.NOT_FOUND, "Not found", "no stored boundary with code '" + boundary + "'");
        }
        Envelope env = area.get().area().getEnvelopeInternal();
        env.expandBy(0.05);
        List<RoadSegment> segments = roads.list(Optional.of(BoundingBox.of(env)), Optional.of(arterial));
        Map<String, RoadClass> classOf = new HashMap<>();
        segments.forEach(s -> classOf.put(s.id(), s.roadClass()));
        MetricProjection projection = projections.forArea(area.get().area().getEnvelopeInternal());
        List<CordonCrossing> crossings = new ArrayList<>();
        for (BoroughCrossing c : finder.find(area.get(), arterial.routes(segments))) {
            RoadClass cls = c.segmentIds().stream().map(classOf::get).filter(java.util.Objects::nonNull)
                    .min(Enum::compareTo).orElse(RoadClass.UNKNOWN);
            crossings.add(new CordonCrossing("X" + (crossings.size() + 1), c.roadNumber(), c.routeName(), cls, c.position(),
                    projection.project(c.position()), c.inboundBearing().degrees(), c.flow() != TrafficFlow.OUTBOUND_ONLY,
                    c.flow() != TrafficFlow.INBOUND_ONLY));
        }
        List<AnprReader> readers = cameras.list(Optional.of(BoundingBox.of(env)), false).stream()
                .filter(c -> c.kind() == CameraKind.ANPR && c.status() != EquipmentStatus.DECOMMISSIONED)
                .map(c -> new AnprReader(c.id().value(), projection.project(c.position()), c.azimuth().degrees())).toList();
        CordonProblem problem = new CordonProblem(crossings, readers, settings);
        CordonSolver solver = new CordonSolver(10_000);
        CordonPlan plan = budgetGbp == null ? solver.fewestSites(problem) : solver.withinBudget(problem, budgetGbp);
        return HttpResponse.ok(json.writeValueAsBytes(view(area.get().code(), plan, readers.size(), budgetGbp)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static Map<String, Object> view(String code, CordonPlan plan, int readers, Double budget) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("boundary", code);
        out.put("question", budget == null ? "fewest new ANPR sites so that every arterial crossing is read both ways"
                : String.format(Locale.ROOT, "most road-class weight read within £%,.0f", budget));
        out.put("solver", plan.solver());
        out.put("proven", plan.proven());
        out.put("crossings", plan.crossings());
        out.put("directions", plan.directions());
        out.put("existingAnprCameras", readers);
        out.put("costGbp", plan.costGbp());
        List<Map<String, Object>> sites = new ArrayList<>();
        for (CordonPlan.Site s : plan.sites()) {
            Map<String, Object> m = crossing(s.at());
            m.put("closes", s.closes().stream().map(CordonController::gap).toList());
            m.put("costGbp", s.costGbp());
            sites.add(m);
        }
        out.put("sites", sites);
        out.put("coveredByExisting", plan.coveredByExisting().stream().map(CordonController::gap).toList());
        out.put("uncovered", plan.uncovered().stream().map(CordonController::gap).toList());
        return out;
    }

    private static Map<String, Object> crossing(CordonCrossing c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("crossing", c.id());
        m.put("road", c.roadNumber());
        m.put("route", c.routeName());
        m.put("roadClass", c.roadClass().key());
        m.put("lon", c.position().lonDegrees());
        m.put("lat", c.position().latDegrees());
        return m;
    }

    private static Map<String, Object> gap(CordonPlan.Gap g) {
        Map<String, Object> m = crossing(g.crossing());
        m.put("way", g.way().name().toLowerCase(Locale.ROOT));
        m.put("note", g.note());
        return m;
    }
}
