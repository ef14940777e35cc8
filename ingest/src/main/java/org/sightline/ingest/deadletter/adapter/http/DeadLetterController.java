package org.sightline.ingest.deadletter.adapter.http;

import static org.sightline.geo.http.GeoJsonResponses.problem;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.sightline.ingest.deadletter.DeadLetterReplay;
import org.sightline.ingest.deadletter.adapter.db.DeadLetterStore;

/**
 * The dead-letter API for administrators: what the intake refused and why, and replay of one
 * message once its cause is fixed. Access is granted in the service's policy table.
 */
@Controller("/api/ingest/dead-letters")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeadLetterController {

    private static final int PREVIEW_CHARS = 2_000;

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /** One dead letter as the API shows it. */
    @Serdeable
    public record DeadLetterView(long id, String topic, String reason, Instant receivedAt, int payloadBytes,
                                 boolean payloadTruncated, String payloadText, String payloadBase64,
                                 Instant replayedAt, String replayOutcome) {
    }

    /** The result of a replay. */
    @Serdeable
    public record ReplayView(long id, int stored, int alreadyStored, int stillRefused, int republished, String outcome) {
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list(@QueryValue(defaultValue = "100") int limit, @QueryValue(defaultValue = "0") long before,
                                @QueryValue(defaultValue = "false") boolean pending) throws SQLException {
        if (limit < 1 || limit > 1000) {
            return problem(HttpStatus.BAD_REQUEST, "Bad limit", "limit must be 1-1000, was " + limit);
        }
        if (before < 0) {
            return problem(HttpStatus.BAD_REQUEST, "Bad paging", "before must be a dead-letter id (0 for the newest)");
        }
        List<DeadLetterView> rows = replay.list(before, limit, pending).stream().map(DeadLetterController::view).toList();
        return HttpResponse.ok(rows);
    }

    @Post(uri = "/{id}/replay", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> replay(@PathVariable long id) throws SQLException, IOException {
        return replay.replay(id)
                .<HttpResponse<?>>map(o -> HttpResponse.ok(new ReplayView(o.id(), o.stored(), o.alreadyStored(),
                        o.stillRefused(), o.republished(), o.summary())))
                .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "No such dead letter", "There is no dead letter " + id + "."));
    }

    private static DeadLetterView view(DeadLetterStore.Row r) {
        String text = utf8(r.payload());
        boolean binary = text == null;
        String preview = binary ? null : (text.length() > PREVIEW_CHARS ? text.substring(0, PREVIEW_CHARS) + "…" : text);
        String base64 = binary ? Base64.getEncoder().encodeToString(r.payload().length > PREVIEW_CHARS
                ? java.util.Arrays.copyOf(r.payload(), PREVIEW_CHARS) : r.payload()) : null;
        return new DeadLetterView(r.id(), r.topic(), r.reason(), r.receivedAt(), r.payloadBytes(), r.payloadTruncated(),
                preview, base64, r.replayedAt().orElse(null), r.replayOutcome().orElse(null));
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
