package org.sightline.planner.plan.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.planner.plan.application.PlanService;
import org.sightline.planner.siting.domain.ProgressListener;

/**
 * The planner's API: {@code POST /api/plans} makes and stores a plan; {@code GET /api/plans} lists
 * recent plans; {@code GET /api/plans/{id}} returns one; {@code GET /api/plans/{id}/export} gives its
 * sites or sectors as GeoJSON, CSV or GeoPackage; {@code GET /api/plans/compare?ids=A,B[,…]} puts
 * two to six saved plans side by side ({@link PlanComparison}). Bad input is answered with a 400
 * problem document that says what to change.
 */
@Controller("/api/plans")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlanController {

    private final PlanService plans;
    private final ObjectMapper json;

    public PlanController(PlanService plans, ObjectMapper json) {
        this.plans = plans;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> create(@Body PlanRequestBody body, @Nullable Principal user) throws IOException {
        try {
            PlanView view = plans.create(body, user == null ? "" : user.getName(), ProgressListener.NONE);
            return HttpResponse.<byte[]>status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header("Location", "/api/plans/" + view.id()).body(json.writeValueAsBytes(view));
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.problem(HttpStatus.BAD_REQUEST, "The plan cannot be made", e.getMessage());
        }
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<byte[]> list() throws IOException {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var p : plans.recent(50)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id().toString());
            m.put("createdAt", p.createdAt().toString());
            m.put("createdBy", p.createdBy());
            m.put("boundary", p.boundaryCode());
            m.put("title", p.title());
            m.put("months", p.months());
            m.put("sites", p.sites());
            m.put("coveredShare", p.coveredShare());
            m.put("costGbp", p.costGbp());
            out.add(m);
        }
        return HttpResponse.ok(json.writeValueAsBytes(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/compare", produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> compare(@Nullable @QueryValue String ids) throws IOException {
        List<String> wanted = ids == null ? List.of()
                : java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (wanted.size() < PlanComparison.MIN_PLANS || wanted.size() > PlanComparison.MAX_PLANS) {
            return GeoJsonResponses.badRequest("ids must list " + PlanComparison.MIN_PLANS + " to "
                    + PlanComparison.MAX_PLANS + " different plan ids separated by commas, was "
                    + (ids == null ? "missing" : "'" + ids + "'"));
        }
        List<PlanView> found = new ArrayList<>();
        for (String id : wanted) {
            Optional<PlanView> plan = find(id);
            if (plan.isEmpty()) {
                return notFound(id);
            }
            found.add(plan.get());
        }
        return HttpResponse.ok(json.writeValueAsBytes(PlanComparison.of(found))).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/{id}", produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> get(@PathVariable String id) throws IOException {
        Optional<PlanView> plan = find(id);
        if (plan.isEmpty()) {
            return notFound(id);
        }
        return HttpResponse.ok(json.writeValueAsBytes(plan.get())).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/{id}/export", produces = {GeoJsonResponses.GEO_JSON, "text/csv", "application/geopackage+sqlite3",
            GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> export(@PathVariable String id, @Nullable @QueryValue String format,
                                              @Nullable @QueryValue String layer) throws IOException {
        PlanExports.Format f;
        boolean sectors;
        try {
            f = PlanExports.Format.parse(format);
            sectors = parseLayer(layer);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
        Optional<PlanView> plan = find(id);
        if (plan.isEmpty()) {
            return notFound(id);
        }
        byte[] bytes = PlanExports.export(plan.get(), sectors, f);
        String name = "plan-" + plan.get().id() + "-" + (sectors ? "sectors" : "sites") + "." + f.extension;
        return HttpResponse.ok(bytes).contentType(f.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    @Get(uri = "/{id}/report", produces = {MediaType.TEXT_HTML, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> report(@PathVariable String id) {
        Optional<PlanView> plan = find(id);
        if (plan.isEmpty()) {
            return notFound(id);
        }
        return HttpResponse.ok(PlanReport.html(plan.get()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static boolean parseLayer(String layer) {
        if (layer == null || layer.equals("sites")) {
            return false;
        }
        if (layer.equals("sectors")) {
            return true;
        }
        throw new IllegalArgumentException("layer must be sites or sectors, was '" + layer + "'");
    }

    private Optional<PlanView> find(String id) {
        try {
            return plans.find(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static MutableHttpResponse<byte[]> notFound(String id) {
        return GeoJsonResponses.problem(HttpStatus.NOT_FOUND, "Not found", "no plan with id '" + id + "'");
    }
}
