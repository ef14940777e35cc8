package org.sightline.alerting.read.adapter.mqtt;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.alerting.match.domain.PlateReading;
import org.sightline.alerting.match.domain.ReadCandidates;
import org.sightline.alerting.read.domain.IncomingRead;

/**
 * Alerting's own decoder of a {@code units/{unitId}/reads} message (docs/mqtt.md): one JSON object
 * or an array of them. Alerting needs fewer fields than ingest and must not depend on it. Beyond
 * the protocol's fields it reads an optional {@code alternatives} array of {@code {plate,
 * confidence}} objects (the unit's other OCR candidates). Never throws: bad elements are reported
 * in {@link Decoded#problems()} and skipped (ingest keeps them as dead letters).
 */
public final class ReadDecoder {

    /** Largest message decoded. */
    public static final int MAX_PAYLOAD_BYTES = 64 * 1024;

    private final JsonMapper json;

    public ReadDecoder(JsonMapper json) {
        this.json = json;
    }

    /** The reads of one message and the problems found. */
    public record Decoded(List<IncomingRead> reads, List<String> problems) {
    }

    /** Decodes one message from the unit named in the topic. */
    public Decoded decode(String unitId, byte[] payload) {
        List<IncomingRead> reads = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (payload.length > MAX_PAYLOAD_BYTES) {
            problems.add("payload is " + payload.length + " bytes, more than " + MAX_PAYLOAD_BYTES);
            return new Decoded(reads, problems);
        }
        JsonNode root;
        try {
            root = json.readValue(payload, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            problems.add("not valid JSON");
            return new Decoded(reads, problems);
        }
        if (root != null && root.isObject()) {
            one(unitId, root, reads, problems);
        } else if (root != null && root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                one(unitId, root.get(i), reads, problems);
            }
        } else {
            problems.add("a read must be a JSON object or an array of objects");
        }
        return new Decoded(reads, problems);
    }

    private static void one(String unitId, JsonNode n, List<IncomingRead> reads, List<String> problems) {
        try {
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException("a read must be a JSON object");
            }
            UUID readId = UUID.fromString(text(n, "readId"));
            String cameraId = text(n, "cameraId");
            String raw = text(n, "plate");
            PlateNumber plate = PlateNumber.parse(raw)
                    .orElseThrow(() -> new IllegalArgumentException("plate is not a plate"));
            double confidence = number(n, "confidence");
            if (confidence < 0 || confidence > 1) {
                throw new IllegalArgumentException("confidence out of range");
            }
            Instant capturedAt = OffsetDateTime.parse(text(n, "capturedAt")).toInstant();
            Optional<Double> lon = Optional.empty();
            Optional<Double> lat = Optional.empty();
            if (present(n, "lon") && present(n, "lat")) {
                double x = number(n, "lon");
                double y = number(n, "lat");
                if (x >= -180 && x <= 180 && y >= -90 && y <= 90) {
                    lon = Optional.of(x);
                    lat = Optional.of(y);
                }
            }
            List<PlateReading> alternatives = new ArrayList<>();
            JsonNode alts = n.get("alternatives");
            if (alts != null && alts.isArray()) {
                for (int i = 0; i < alts.size() && alternatives.size() < ReadCandidates.MAX_ALTERNATIVES; i++) {
                    JsonNode a = alts.get(i);
                    if (a == null || !a.isObject() || !present(a, "plate")) {
                        continue;
                    }
                    Optional<PlateNumber> p = PlateNumber.parse(text(a, "plate"));
                    double c = present(a, "confidence") ? number(a, "confidence") : 0;
                    if (p.isPresent() && c >= 0 && c <= 1 && !p.get().value().equals(plate.value())) {
                        alternatives.add(new PlateReading(p.get().value(), c));
                    }
                }
            }
            reads.add(new IncomingRead(readId, unitId, cameraId, plate.value(), raw, confidence, capturedAt, lon, lat,
                    alternatives));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static boolean present(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isString()) {
            throw new IllegalArgumentException(field + " must be a string");
        }
        String s = v.getStringValue();
        if (s.isBlank() || s.length() > 128) {
            throw new IllegalArgumentException(field + " must be 1-128 characters");
        }
        return s;
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        double d = v.getNumberValue().doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + " must be finite");
        }
        return d;
    }
}
