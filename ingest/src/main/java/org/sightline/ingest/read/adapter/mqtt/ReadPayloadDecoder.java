package org.sightline.ingest.read.adapter.mqtt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.LonLat;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.Plate;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.ingest.read.domain.ReadTiming;
import org.sightline.ingest.read.domain.Vehicle;

/**
 * Turns the payload of a {@code …/units/{unitId}/reads} message (one JSON read, or a JSON array of
 * reads) into checked reads. Never throws for bad input: every problem becomes a
 * {@link CheckedRead.Bad} with a reason. See docs/mqtt.md for the format. Thread-safe.
 */
public final class ReadPayloadDecoder {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        // a 64 KiB payload cannot hold more; the limits keep a hostile document cheap to refuse
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxStringLength(65_536).maxNestingDepth(16).maxNumberLength(64).build());
    }

    private final int maxPayloadBytes;
    private final ReadTiming timing;

    /**
     * @param maxPayloadBytes larger payloads are refused without being parsed
     * @param timing rules for capture times
     */
    public ReadPayloadDecoder(int maxPayloadBytes, ReadTiming timing) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.timing = timing;
    }

    /**
     * Decodes one message.
     *
     * @param unitId the unit named by the topic
     * @param payload the message bytes
     * @param receivedAt when the service received it
     * @return one entry per read in the message (at least one)
     */
    public List<CheckedRead> decode(UnitId unitId, byte[] payload, Instant receivedAt) {
        if (payload.length > maxPayloadBytes) {
            return List.of(new CheckedRead.Bad("payload is " + payload.length + " bytes, more than the limit of "
                    + maxPayloadBytes, payload));
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (IOException | RuntimeException e) {
            return List.of(new CheckedRead.Bad("not valid JSON: " + firstLine(e.getMessage()), payload));
        }
        if (root == null || root.isMissingNode()) {
            return List.of(new CheckedRead.Bad("empty payload", payload));
        }
        if (root.isObject()) {
            return List.of(decodeOne(unitId, root, payload, receivedAt));
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                return List.of(new CheckedRead.Bad("empty batch: a JSON array needs at least one read", payload));
            }
            List<CheckedRead> out = new ArrayList<>(root.size());
            int i = 0;
            for (JsonNode element : root) {
                byte[] raw = element.toString().getBytes(StandardCharsets.UTF_8);
                CheckedRead r = element.isObject()
                        ? decodeOne(unitId, element, raw, receivedAt)
                        : new CheckedRead.Bad("a batch element must be a JSON object", raw);
                if (r instanceof CheckedRead.Bad bad) {
                    r = new CheckedRead.Bad("batch element " + i + ": " + bad.reason(), raw);
                }
                out.add(r);
                i++;
            }
            return out;
        }
        return List.of(new CheckedRead.Bad("a read must be a JSON object or an array of objects", payload));
    }

    private CheckedRead decodeOne(UnitId unitId, JsonNode n, byte[] raw, Instant receivedAt) {
        try {
            UUID readId = uuid(n, "readId");
            CameraId cameraId = new CameraId(text(n, "cameraId", true));
            String plateText = text(n, "plate", true);
            Checked<Plate> plate = Plate.parse(plateText);
            if (plate instanceof Checked.Rejected<Plate> r) {
                return new CheckedRead.Bad(r.reason(), raw);
            }
            double confidence = number(n, "confidence", true);
            if (confidence < 0 || confidence > 1) {
                return new CheckedRead.Bad("confidence must be between 0 and 1, was " + confidence, raw);
            }
            Instant capturedAt = instant(n, "capturedAt");
            Checked<Boolean> late = timing.check(capturedAt, receivedAt);
            if (late instanceof Checked.Rejected<Boolean> r) {
                return new CheckedRead.Bad(r.reason(), raw);
            }
            Optional<LonLat> position = position(n);
            Optional<Bearing> heading = Optional.empty();
            if (present(n, "heading")) {
                double h = number(n, "heading", true);
                if (h < 0 || h > 360) {
                    return new CheckedRead.Bad("heading must be between 0 and 360 degrees, was " + h, raw);
                }
                heading = Optional.of(Bearing.normalised(h));
            }
            OptionalInt lane = OptionalInt.empty();
            if (present(n, "lane")) {
                JsonNode l = n.get("lane");
                if (!l.isIntegralNumber() || !l.canConvertToInt()) {
                    return new CheckedRead.Bad("lane must be a whole number", raw);
                }
                lane = OptionalInt.of(l.intValue());
            }
            Vehicle vehicle = Vehicle.UNKNOWN;
            if (present(n, "vehicle")) {
                JsonNode v = n.get("vehicle");
                if (!v.isObject()) {
                    return new CheckedRead.Bad("vehicle must be an object {make, colour, type}", raw);
                }
                vehicle = new Vehicle(text(v, "make", false), text(v, "colour", false), text(v, "type", false));
            }
            String imageRef = present(n, "imageRef") ? text(n, "imageRef", true) : "";
            PlateRead read = new PlateRead(readId, unitId, cameraId, ((Checked.Ok<Plate>) plate).value(), plateText,
                    confidence, capturedAt, position, heading, lane, vehicle, imageRef);
            return new CheckedRead.Good(read, ((Checked.Ok<Boolean>) late).value());
        } catch (IllegalArgumentException e) {
            return new CheckedRead.Bad(e.getMessage(), raw);
        }
    }

    private static boolean present(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull();
    }

    private static String text(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return "";
        }
        if (!v.isTextual()) {
            throw new IllegalArgumentException(field + " must be a string, was " + v.getNodeType().name().toLowerCase());
        }
        return v.textValue();
    }

    private static double number(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(field + " must be a number, was " + v.getNodeType().name().toLowerCase());
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException(field + " must be a finite number");
        }
        return d;
    }

    private static UUID uuid(JsonNode n, String field) {
        String s = text(n, field, true);
        if (s.length() != 36) {
            throw new IllegalArgumentException(field + " must be a UUID (36 characters), was '" + Checked.shorten(s) + "'");
        }
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be a UUID, was '" + Checked.shorten(s) + "'");
        }
    }

    private static Instant instant(JsonNode n, String field) {
        String s = text(n, field, true);
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be an ISO-8601 time with a zone, e.g. "
                    + "2026-11-23T14:05:09.250Z, was '" + Checked.shorten(s) + "'");
        }
    }

    private static Optional<LonLat> position(JsonNode n) {
        boolean hasLon = present(n, "lon");
        boolean hasLat = present(n, "lat");
        if (!hasLon && !hasLat) {
            return Optional.empty();
        }
        if (hasLon != hasLat) {
            throw new IllegalArgumentException("lon and lat must be given together");
        }
        return Optional.of(new LonLat(number(n, "lon", true), number(n, "lat", true)));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        String s = nl < 0 ? message : message.substring(0, nl);
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
