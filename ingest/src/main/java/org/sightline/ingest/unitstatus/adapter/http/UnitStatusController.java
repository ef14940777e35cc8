package org.sightline.ingest.unitstatus.adapter.http;

import static org.sightline.geo.http.GeoJsonResponses.problem;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.sightline.ingest.intake.IngestService;
import org.sightline.ingest.unitstatus.adapter.db.UnitOverviewQuery;
import org.sightline.ingest.unitstatus.adapter.db.UnitStatusStore;
import org.sightline.ingest.unitstatus.adapter.mqtt.UnitStatusEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Roadside unit status for engineers: every unit with status, health, read rate and faults; one
 * unit's timeline; and a server-sent event stream of status changes. Access is granted in the
 * service's policy table.
 */
@Controller("/api/ingest/units")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UnitStatusController {

    private final UnitOverviewQuery query;
    private final Sinks.Many<String> changes = Sinks.many().multicast().directBestEffort();
    private final Optional<IngestService> ingest;
    private final Consumer<UnitStatusStore.Change> listener = ch -> changes.tryEmitNext(UnitStatusEvents.json(ch));

    public UnitStatusController(DataSource dataSource, Optional<IngestService> ingest) {
        this.query = new UnitOverviewQuery(DelegatingDataSource.unwrapDataSource(dataSource));
        this.ingest = ingest;
        ingest.ifPresent(i -> i.addStatusListener(listener));
    }

    /** A camera at fault. */
    @Serdeable
    public record FaultView(String cameraId, String reason, Instant since) {
    }

    /** A unit as the engineer page shows it. */
    @Serdeable
    public record UnitView(String unitId, String name, double lon, double lat, String registryStatus, String state,
                           Instant since, Instant lastHeartbeatAt, String firmware, Long diskFreeBytes, Double temperatureCelsius,
                           long readsLastHour, long[] readsPerHour, List<FaultView> faults, boolean needsVisit,
                           List<String> visitReasons) {
    }

    /** One entry of a unit's timeline. */
    @Serdeable
    public record HistoryView(String cameraId, String from, String to, Instant at, String reason) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public List<UnitView> list() throws SQLException {
        return query.listUnits(Instant.now()).stream().map(u -> new UnitView(u.unitId(), u.name(), u.lon(), u.lat(),
                u.registryStatus(), u.state(), u.since().orElse(null), u.lastHeartbeatAt().orElse(null), u.firmware(),
                u.diskFreeBytes().orElse(null), u.temperatureCelsius().orElse(null), u.readsLastHour(), u.readsPerHour(),
                u.faults().stream().map(f -> new FaultView(f.cameraId(), f.reason(), f.since())).toList(),
                !u.visitReasons().isEmpty(), u.visitReasons())).toList();
    }

    @Get(uri = "/{unitId}/history", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> history(@PathVariable String unitId) throws SQLException {
        if (!query.exists(unitId)) {
            return problem(HttpStatus.NOT_FOUND, "No such unit", "There is no registered unit '" + unitId + "'.");
        }
        return HttpResponse.ok(query.history(unitId, 200).stream()
                .map(h -> new HistoryView(h.cameraId().orElse(null), h.from(), h.to(), h.at(), h.reason())).toList());
    }

    /**
     * Status changes as server-sent events ({@code event: unit}, data as on {@code events/units}),
     * with a comment every 25 s to keep proxies from closing the stream. Only for callers that
     * accept {@code text/event-stream}.
     */
    @Get(uri = "/events", produces = {MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON})
    public HttpResponse<?> events(HttpRequest<?> request) {
        boolean wantsStream = request.accept().stream().anyMatch(m -> m.getName().equals(MediaType.TEXT_EVENT_STREAM));
        if (!wantsStream) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "Event stream only",
                    "This resource is a server-sent event stream: ask for text/event-stream (e.g. with EventSource).");
        }
        Flux<Event<String>> stream = Flux.merge(
                changes.asFlux().map(json -> Event.of(json).name("unit")),
                Flux.interval(Duration.ofSeconds(25)).map(i -> Event.of("").comment("keep-alive")));
        return HttpResponse.ok(stream).contentType(MediaType.TEXT_EVENT_STREAM_TYPE);
    }

    @PreDestroy
    void stop() {
        ingest.ifPresent(i -> i.removeStatusListener(listener));
        changes.tryEmitComplete();
    }
}
