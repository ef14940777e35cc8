package org.sightline.ingest.unitstatus.adapter.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.unitstatus.domain.CameraHealth;
import org.sightline.ingest.unitstatus.domain.UnitHealth;

/** Turns a {@code …/units/{unitId}/health} payload into a checked heartbeat (see docs/schemas/health.schema.json). */
public final class HealthPayloadDecoder {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final int maxPayloadBytes;

    public HealthPayloadDecoder(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** The heartbeat, or the reason it cannot be read. Never throws for bad input. */
    public Checked<UnitHealth> decode(UnitId unit, byte[] payload) {
        if (payload.length > maxPayloadBytes) {
            return Checked.rejected("payload is " + payload.length + " bytes, more than the limit of " + maxPayloadBytes);
        }
        JsonNode n;
        try {
            n = JSON.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return Checked.rejected("not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (n == null || !n.isObject()) {
            return Checked.rejected("a heartbeat must be a JSON object");
        }
        try {
            Instant sentAt = instant(n.get("sentAt"), "sentAt");
            long uptime = whole(n.get("uptimeSeconds"), "uptimeSeconds").orElseThrow(() -> new IllegalArgumentException("uptimeSeconds is missing"));
            OptionalDouble temperature = number(n.get("temperatureCelsius"), "temperatureCelsius");
            OptionalLong disk = whole(n.get("diskFreeBytes"), "diskFreeBytes");
            JsonNode fw = n.get("firmware");
            if (fw == null || !fw.isTextual()) {
                throw new IllegalArgumentException("firmware must be a string");
            }
            OptionalLong reads = whole(n.get("readsSinceLastHeartbeat"), "readsSinceLastHeartbeat");
            JsonNode cams = n.get("cameras");
            if (cams == null || !cams.isArray()) {
                throw new IllegalArgumentException("cameras must be an array");
            }
            List<CameraHealth> cameras = new ArrayList<>();
            for (JsonNode c : cams) {
                JsonNode id = c.get("cameraId");
                JsonNode ok = c.get("ok");
                if (id == null || !id.isTextual() || ok == null || !ok.isBoolean()) {
                    throw new IllegalArgumentException("each camera needs cameraId (string) and ok (boolean)");
                }
                JsonNode last = c.get("lastFrameAt");
                cameras.add(new CameraHealth(new CameraId(id.textValue()), ok.booleanValue(), number(c.get("fps"), "fps"),
                        last == null || last.isNull() ? Optional.empty() : Optional.of(instant(last, "lastFrameAt"))));
            }
            return Checked.ok(new UnitHealth(unit, sentAt, uptime, temperature, disk, fw.textValue(), reads, cameras));
        } catch (IllegalArgumentException e) {
            return Checked.rejected(e.getMessage());
        }
    }

    private static Instant instant(JsonNode v, String field) {
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time string");
        }
        try {
            return OffsetDateTime.parse(v.textValue()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time with a zone, was '" + Checked.shorten(v.textValue()) + "'");
        }
    }

    private static OptionalDouble number(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        return OptionalDouble.of(v.doubleValue());
    }

    private static OptionalLong whole(JsonNode v, String field) {
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be a whole number");
        }
        return OptionalLong.of(v.longValue());
    }
}
