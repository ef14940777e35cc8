package org.sightline.app.search.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.app.search.ReadSearchService;
import org.sightline.app.search.adapter.db.ApprovalRow;
import org.sightline.app.search.adapter.db.ReadSearchQueries.FoundRead;
import org.sightline.app.search.domain.ReadSearch;
import org.sightline.platform.http.Problems;

/**
 * {@code /api/reads}: searches of stored plate reads (POST, so that purposes and plates stay out
 * of URLs and access logs) and the supervisor approvals that older searches need.
 */
@Controller("/api/reads")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ReadSearchController {

    /** A search as sent by a client. */
    @Serdeable
    public record SearchBody(@Nullable String plate, @Nullable Boolean fuzzy, @Nullable String cameraId,
                             @Nullable List<Double> area, @Nullable Instant from, @Nullable Instant to,
                             @Nullable String purpose, @Nullable String reference, @Nullable Long approvalId,
                             @Nullable Integer page, @Nullable Integer size) { }

    /** One page of results (an empty page still has its "reads" array). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SearchPage(List<FoundRead> reads, int page, int size, boolean more) { }

    /** An approval request as the API shows it. */
    @Serdeable
    public record ApprovalView(long id, String requestedBy, Instant requestedAt, String purpose, String reference,
                               String plate, String cameraId, Instant from, Instant to, String status,
                               @Nullable String decidedBy, @Nullable Instant decidedAt, String decisionNote) {
        static ApprovalView of(ApprovalRow r) {
            return new ApprovalView(r.id(), r.requestedBy(), r.requestedAt(), r.purpose(), r.reference(), r.plate(),
                    r.cameraId(), r.fromAt(), r.toAt(), r.status(), r.decidedBy(), r.decidedAt(), r.decisionNote());
        }
    }

    /** A supervisor's decision. */
    @Serdeable
    public record Decision(@Nullable String note) { }

    private final ReadSearchService service;

    public ReadSearchController(ReadSearchService service) {
        this.service = service;
    }

    @Post(value = "/search", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> search(@Body SearchBody body, Authentication user) {
        ReadSearch s;
        try {
            s = toSearch(body);
        } catch (IllegalArgumentException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Invalid search", e.getMessage());
        }
        try {
            ReadSearchService.Outcome outcome = service.search(s, Optional.ofNullable(body.approvalId()), user.getName(),
                    body.page() == null ? 0 : body.page(), body.size() == null ? 100 : body.size());
            if (outcome instanceof ReadSearchService.Outcome.Found f) {
                return HttpResponse.ok(new SearchPage(f.reads(), f.page(), f.size(), f.more()));
            }
            return Problems.response(HttpStatus.FORBIDDEN, "Supervisor approval needed",
                    ((ReadSearchService.Outcome.NeedsApproval) outcome).reason());
        } catch (IllegalArgumentException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Invalid search", e.getMessage());
        }
    }

    @Post(value = "/approvals", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> requestApproval(@Body SearchBody body, Authentication user) {
        try {
            long id = service.requestApproval(toSearch(body), user.getName());
            return HttpResponse.status(HttpStatus.CREATED).body(Map.of("id", id, "status", "REQUESTED"));
        } catch (IllegalArgumentException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Invalid approval request", e.getMessage());
        }
    }

    @Get(value = "/approvals", produces = MediaType.APPLICATION_JSON)
    public List<ApprovalView> pending() {
        return service.listPending().stream().map(ApprovalView::of).toList();
    }

    @Get(value = "/approvals/mine", produces = MediaType.APPLICATION_JSON)
    public List<ApprovalView> mine(Authentication user) {
        return service.listMine(user.getName()).stream().map(ApprovalView::of).toList();
    }

    @Post(value = "/approvals/{id}/approve", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> approve(@PathVariable long id, @Body Decision decision, Authentication user) {
        return decide(id, true, decision, user);
    }

    @Post(value = "/approvals/{id}/deny", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> deny(@PathVariable long id, @Body Decision decision, Authentication user) {
        return decide(id, false, decision, user);
    }

    private HttpResponse<?> decide(long id, boolean approve, Decision decision, Authentication user) {
        String note = decision == null ? "" : decision.note();
        if (note != null && note.length() > 1000) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Invalid decision", "note must be at most 1000 characters");
        }
        if (!service.decide(id, approve, user.getName(), note)) {
            return Problems.response(HttpStatus.CONFLICT, "Not decided",
                    "Request " + id + " is not pending, does not exist, or is your own (a supervisor cannot approve their own search).");
        }
        return HttpResponse.ok(Map.of("id", id, "status", approve ? "APPROVED" : "DENIED"));
    }

    private static ReadSearch toSearch(SearchBody b) {
        if (b.from() == null || b.to() == null) {
            throw new IllegalArgumentException("give the time window: 'from' and 'to' (ISO-8601 instants)");
        }
        Optional<double[]> area = Optional.ofNullable(b.area()).map(l -> l.stream().mapToDouble(Double::doubleValue).toArray());
        return new ReadSearch(Optional.ofNullable(b.plate()).filter(p -> !p.isBlank()), Boolean.TRUE.equals(b.fuzzy()),
                Optional.ofNullable(b.cameraId()), area, b.from(), b.to(), b.purpose(), b.reference());
    }
}
