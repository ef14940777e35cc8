package org.sightline.ingest.read.adapter.mqtt;

import static org.sightline.ingest.read.adapter.mqtt.JsonFields.instant;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.number;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.position;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.present;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.text;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.LonLat;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.ingest.read.domain.ReadRules;
import org.sightline.ingest.read.domain.ReadTiming;
import org.sightline.ingest.read.domain.ReportedRead;
import org.sightline.ingest.read.domain.Vehicle;

/**
 * Turns the payload of a {@code …/units/{unitId}/reads} message (one JSON read, or a JSON array of
 * reads) into checked reads. Never throws for bad input: every problem becomes a
 * {@link CheckedRead.Bad} with a reason. See docs/mqtt.md for the format. Thread-safe.
 */
public final class ReadPayloadDecoder {

    private final int maxPayloadBytes;
    private final ReadRules rules;

    /**
     * @param maxPayloadBytes larger payloads are refused without being parsed
     * @param timing rules for capture times
     */
    public ReadPayloadDecoder(int maxPayloadBytes, ReadTiming timing) {
        this.maxPayloadBytes = maxPayloadBytes;
        this.rules = new ReadRules(timing);
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
        // the usual message, one plain read, in one pass; anything else through the document tree
        CheckedRead plain = plain(unitId, payload, receivedAt);
        if (plain != null) {
            return List.of(plain);
        }
        return decodeTree(unitId, payload, receivedAt);
    }

    /** {@link #decode} without the one-pass path for plain reads (a test compares the two). */
    List<CheckedRead> decodeTree(UnitId unitId, byte[] payload, Instant receivedAt) {
        Checked<JsonNode> parsed = JsonFields.parse(payload);
        if (parsed instanceof Checked.Rejected<JsonNode> r) {
            return List.of(new CheckedRead.Bad(r.reason(), payload));
        }
        JsonNode root = ((Checked.Ok<JsonNode>) parsed).value();
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

    // null when the payload is not one plain read, or when something about it needs explaining
    private CheckedRead plain(UnitId unitId, byte[] payload, Instant receivedAt) {
        PlainReadParser.Fields f = PlainReadParser.parse(payload);
        if (f == null || (f.unitId() != null && !unitId.value().equals(f.unitId()))) {
            return null;
        }
        try {
            return rules.check(new ReportedRead(f.readId(), unitId, new CameraId(f.cameraId()), f.plate(), f.confidence(),
                    f.capturedAt(), f.position(), f.heading(), f.lane(), f.vehicle(), f.imageRef(), f.alternatives()),
                    payload, receivedAt);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private CheckedRead decodeOne(UnitId unitId, JsonNode n, byte[] raw, Instant receivedAt) {
        try {
            if (present(n, "unitId") && !unitId.value().equals(text(n, "unitId", true))) {
                return new CheckedRead.Bad("unitId '" + Checked.shorten(text(n, "unitId", true))
                        + "' in the body is not the unit of the topic (" + unitId + ")", raw);
            }
            UUID readId = uuid(n, "readId");
            CameraId cameraId = new CameraId(text(n, "cameraId", true));
            String plate = text(n, "plate", true);
            double confidence = number(n, "confidence", true);
            Instant capturedAt = instant(n, "capturedAt");
            Optional<LonLat> position = position(n);
            OptionalDouble heading = present(n, "heading") ? OptionalDouble.of(number(n, "heading", true)) : OptionalDouble.empty();
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
            return rules.check(new ReportedRead(readId, unitId, cameraId, plate, confidence, capturedAt, position, heading, lane,
                    vehicle, imageRef, alternatives(n)), raw, receivedAt);
        } catch (IllegalArgumentException e) {
            return new CheckedRead.Bad(e.getMessage(), raw);
        }
    }

    private static List<ReportedRead.ReportedAlternative> alternatives(JsonNode n) {
        if (!present(n, "alternatives")) {
            return List.of();
        }
        JsonNode a = n.get("alternatives");
        if (!a.isArray()) {
            throw new IllegalArgumentException("alternatives must be an array of {plate, confidence}");
        }
        if (a.size() > PlateRead.MAX_ALTERNATIVES) {
            throw new IllegalArgumentException("at most " + PlateRead.MAX_ALTERNATIVES + " alternatives, was " + a.size());
        }
        List<ReportedRead.ReportedAlternative> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode e = a.get(i);
            if (!e.isObject()) {
                throw new IllegalArgumentException("alternatives[" + i + "] must be an object {plate, confidence}");
            }
            try {
                out.add(new ReportedRead.ReportedAlternative(text(e, "plate", true), number(e, "confidence", true)));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("alternatives[" + i + "]: " + bad.getMessage());
            }
        }
        return out;
    }
}
