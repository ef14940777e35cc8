package org.sightline.planner.review.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.plan.application.PlanService;
import org.sightline.planner.review.application.ReviewRunner;

/**
 * {@code GET /api/planning/review?boundary=&months=[&types=][&dori=]}: the estate's value on recent
 * crime, quiet cameras and relocation moves; {@code POST /api/planning/redeploy}: where the named
 * re-deployable cameras should stand this month.
 */
@Controller("/api/planning")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReviewController {

    /** Body of {@code POST /api/planning/redeploy}. */
    @Serdeable
    public record RedeployBody(@Nullable String boundary, @Nullable String months, @Nullable List<String> cameraIds,
                               @Nullable String types, @Nullable String dori, @Nullable Double minSpacingMetres) {
    }

    private final PlanService plans;
    private final ObjectMapper json;
    private final ReviewRunner runner = new ReviewRunner();

    public ReviewController(PlanService plans, ObjectMapper json) {
        this.plans = plans;
        this.json = json;
    }

    @Get(uri = "/review", produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> review(@Nullable @QueryValue String boundary, @Nullable @QueryValue String months,
                                              @Nullable @QueryValue String types, @Nullable @QueryValue String dori)
            throws IOException {
        try {
            MonthRange range = MonthRanges.parse(months);
            CrimeWeights weights = weights(types);
            var inputs = plans.inputs(required(boundary), range, weights.types());
            return ok(runner.review(inputs, range, weights, dori(dori)));
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }

    @Post(uri = "/redeploy", consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON,
            GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> redeploy(@Body RedeployBody body) throws IOException {
        try {
            MonthRange range = MonthRanges.parse(body.months());
            CrimeWeights weights = weights(body.types());
            var inputs = plans.inputs(required(body.boundary()), range, weights.types());
            return ok(runner.redeploy(inputs, range, weights, dori(body.dori()),
                    body.cameraIds() == null ? List.of() : body.cameraIds(),
                    body.minSpacingMetres() == null ? 100 : body.minSpacingMetres()));
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }

    private MutableHttpResponse<byte[]> ok(Object value) throws IOException {
        return HttpResponse.ok(json.writeValueAsBytes(value)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    private static String required(String boundary) {
        if (boundary == null || boundary.isBlank()) {
            throw new IllegalArgumentException("boundary is missing: give the code of a stored boundary");
        }
        return boundary.strip();
    }

    private static CrimeWeights weights(String types) {
        return types == null || types.isBlank() ? CrimeWeights.priorities()
                : CrimeWeights.equal(Arrays.stream(types.split(",")).map(CrimeTypes::require).toList());
    }

    private static DoriLevel dori(String text) {
        String t = text == null ? "detect" : text;
        return DoriLevel.find(t).orElseThrow(() -> new IllegalArgumentException(
                "dori must be detect, observe, recognise or identify, was '" + t + "'"));
    }
}
