package org.sightline.alerting.alert.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.reactivestreams.Publisher;
import org.sightline.alerting.alert.AlertService;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.sightline.alerting.alert.domain.AlertAction;
import org.sightline.alerting.alert.domain.Decision;
import org.sightline.alerting.alert.domain.RejectReason;
import org.sightline.alerting.web.CovertClearance;
import org.sightline.alerting.web.JsonBodyTypes;
import org.sightline.platform.http.Problems;

/**
 * Alert API for the operator console: the feed, one alert with its sightings, acknowledge /
 * accept / reject, and the live stream (SSE, resumable with {@code Last-Event-ID}).
 */
@Controller("/api/alerts")
public class AlertController {

    private final AlertService alerts;
    private final AlertStore store;
    private final AlertStream stream;
    private final JsonMapper json;

    public AlertController(AlertService alerts, AlertStore store, AlertStream stream, JsonMapper json) {
        this.alerts = alerts;
        this.store = store;
        this.stream = stream;
        this.json = json;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public AlertBodies.Feed feed(@QueryValue(defaultValue = "true") boolean open,
                                 @QueryValue(defaultValue = "200") int limit, Authentication auth) {
        // the event id first: anything after it is replayed by the stream, so nothing falls in between
        long last = store.lastEventId();
        return new AlertBodies.Feed(last, alerts.feed(CovertClearance.cleared(auth), open, limit).stream()
                .map(AlertBodies.AlertBody::of).toList());
    }

    @Get(uri = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    public Publisher<Event<AlertBodies.StreamEvent>> stream(@Nullable @Header("Last-Event-ID") String lastEventId,
                                                            @Nullable @QueryValue String after, Authentication auth) {
        long from = parse(lastEventId != null ? lastEventId : after);
        return stream.open(from, CovertClearance.cleared(auth));
    }

    @Get("/{id}")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> detail(long id, Authentication auth) {
        return alerts.find(id, CovertClearance.cleared(auth))
                .<HttpResponse<?>>map(a -> HttpResponse.ok(new AlertBodies.Detail(AlertBodies.AlertBody.of(a),
                        alerts.sightings(id).stream().map(AlertBodies.SightingBody::of).toList(),
                        alerts.lastDay(a.plate()).stream().map(AlertBodies.SightingBody::of).toList())))
                .orElseGet(() -> notFound(id));
    }

    @Post(uri = "/{id}/acknowledge", consumes = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> acknowledge(long id, Authentication auth) {
        return decide(id, new Decision(AlertAction.ACKNOWLEDGE, null, ""), auth);
    }

    @Post(uri = "/{id}/accept", consumes = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> accept(long id, @Nullable @Body String body, Authentication auth) {
        try {
            AlertBodies.DecisionRequest req = decode(body);
            if (req.reason() != null) {
                throw new IllegalArgumentException("only a rejection has a reason");
            }
            return decide(id, new Decision(AlertAction.ACCEPT, null, req.note()), auth);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage(), null);
        }
    }

    @Post(uri = "/{id}/reject", consumes = MediaType.ALL)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<?> reject(long id, @Nullable @Body String body, Authentication auth) {
        try {
            AlertBodies.DecisionRequest req = decode(body);
            RejectReason reason;
            try {
                reason = req.reason() == null ? null : RejectReason.valueOf(req.reason().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reason must be one of MISREAD, VEHICLE_DOES_NOT_MATCH, "
                        + "ALREADY_DEALT_WITH, OTHER");
            }
            return decide(id, new Decision(AlertAction.REJECT, reason, req.note()), auth);
        } catch (IllegalArgumentException e) {
            return Problems.badRequest(e.getMessage(), null);
        }
    }

    private HttpResponse<?> decide(long id, Decision d, Authentication auth) {
        AlertService.Outcome o = alerts.decide(id, d, auth.getName(), CovertClearance.cleared(auth));
        if (o instanceof AlertService.Outcome.Done done) {
            return HttpResponse.ok(AlertBodies.AlertBody.of(done.alert()));
        }
        if (o instanceof AlertService.Outcome.WrongState w) {
            return Problems.response(HttpStatus.CONFLICT, "Conflict", "alert " + id + " is " + w.state()
                    + ": " + d.action().name().toLowerCase(Locale.ROOT) + " is not possible now", null);
        }
        return notFound(id);
    }

    private AlertBodies.DecisionRequest decode(String body) {
        if (body == null || body.isBlank()) {
            return new AlertBodies.DecisionRequest(null, null);
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > 8192) {
            throw new IllegalArgumentException("the request body is larger than 8192 bytes");
        }
        JsonBodyTypes.check(json, body, AlertBodies.DecisionRequest.class);
        try {
            AlertBodies.DecisionRequest r = json.readValue(body, Argument.of(AlertBodies.DecisionRequest.class));
            if (r == null) {
                throw new IllegalArgumentException("the request body must be a JSON object");
            }
            return r;
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("the request")) {
                throw iae;
            }
            throw new IllegalArgumentException("the request body must be a JSON object {\"reason\": …, \"note\": …}");
        }
    }

    private static long parse(String id) {
        if (id == null || id.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static HttpResponse<?> notFound(long id) {
        return Problems.response(HttpStatus.NOT_FOUND, "Not Found", "no alert " + id, null);
    }
}
