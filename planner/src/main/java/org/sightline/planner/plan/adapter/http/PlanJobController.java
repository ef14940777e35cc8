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
import io.micronaut.http.sse.Event;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.reactivestreams.Publisher;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.planner.plan.application.PlanJobs;
import reactor.core.publisher.Flux;

/**
 * Plans with progress for the page: {@code POST /api/planning/jobs} starts one (400 with a problem
 * document when the request is invalid); {@code GET /api/planning/jobs/{id}/events} streams its
 * progress as server-sent events ({@code progress}, then one {@code done} carrying the plan id or
 * the reason it was refused).
 */
@Controller("/api/planning/jobs")
public class PlanJobController {

    private final PlanJobs jobs;
    private final ObjectMapper json;

    public PlanJobController(PlanJobs jobs, ObjectMapper json) {
        this.jobs = jobs;
        this.json = json;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = {MediaType.APPLICATION_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> start(@Body PlanRequestBody body, @Nullable Principal user) throws IOException {
        try {
            UUID id = jobs.start(body, user == null ? "" : user.getName());
            return HttpResponse.<byte[]>status(HttpStatus.ACCEPTED).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(json.writeValueAsBytes(Map.of("jobId", id.toString(),
                            "events", "/api/planning/jobs/" + id + "/events")));
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.problem(HttpStatus.BAD_REQUEST, "The plan cannot be made", e.getMessage());
        }
    }

    @Get(uri = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<Map<String, Object>>> events(@PathVariable String id) {
        UUID job;
        try {
            job = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Flux.just(Event.of(Map.<String, Object>of("finished", true, "error", "no job '" + id + "'")).name("done"));
        }
        return Flux.interval(Duration.ZERO, Duration.ofMillis(250))
                .map(tick -> jobs.find(job))
                .takeUntil(s -> s.isEmpty() || s.get().finished())
                .map(s -> s.map(st -> Event.of(st.toMap()).name(st.finished() ? "done" : "progress"))
                        .orElseGet(() -> Event.of(Map.<String, Object>of("finished", true, "error", "no job '" + id + "'"))
                                .name("done")))
                .take(Duration.ofMinutes(15));
    }
}
