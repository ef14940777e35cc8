package org.sightline.ingest.peer.adapter.mqtt;

import static org.sightline.ingest.read.adapter.mqtt.JsonFields.number;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.present;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.read.adapter.mqtt.JsonFields;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.Plate;
import org.sightline.ingest.read.domain.ReadRules;
import org.sightline.ingest.read.domain.ReportedRead;
import org.sightline.ingest.read.domain.Vehicle;

/**
 * Turns Frigate's MQTT messages into checked reads. Two kinds carry a plate:
 * {@code <prefix>/events} ({@code type} new, update or end, the tracked object in {@code after}
 * with {@code recognized_license_plate} and {@code recognized_license_plate_score}) and
 * {@code <prefix>/tracked_object_update} of {@code type} {@code lpr} ({@code id}, {@code camera},
 * {@code plate}, {@code score}, {@code timestamp}). Both name the tracked object by the same
 * {@code id}, so the read id is derived from the Frigate instance's unit, that id and the
 * normalised plate: the many messages of one tracked object store one read per plate. Messages
 * without a plate (other objects, other update types, false positives) hold no read. Never throws.
 */
public final class FrigateDecoder {

    private final ReadRules rules;

    public FrigateDecoder(ReadRules rules) {
        this.rules = rules;
    }

    /**
     * Decodes one message from this Frigate instance.
     *
     * @return the read it carries, a dead letter with the reason, or nothing
     */
    public List<CheckedRead> decode(FrigateSource source, String topic, byte[] payload, Instant receivedAt) {
        Checked<JsonNode> parsed = JsonFields.parseObject(payload, "a Frigate message");
        if (parsed instanceof Checked.Rejected<JsonNode> r) {
            return List.of(new CheckedRead.Bad(r.reason(), payload));
        }
        JsonNode root = ((Checked.Ok<JsonNode>) parsed).value();
        String prefix = "Frigate " + source.name() + ": ";
        try {
            Optional<ReportedRead> read = topic.equals(source.eventsTopic()) ? fromEvent(source, root) : fromUpdate(source, root);
            return read.map(r -> List.of(PeerReasons.prefixed(prefix, rules.check(r, payload, receivedAt)))).orElse(List.of());
        } catch (IllegalArgumentException e) {
            return List.of(new CheckedRead.Bad(prefix + e.getMessage(), payload));
        }
    }

    private static Optional<ReportedRead> fromEvent(FrigateSource source, JsonNode root) {
        String type = text(root, "type", true);
        if (!type.equals("new") && !type.equals("update") && !type.equals("end")) {
            throw new IllegalArgumentException("event type must be new, update or end, was '" + Checked.shorten(type) + "'");
        }
        JsonNode after = root.get("after");
        if (after == null || !after.isObject()) {
            throw new IllegalArgumentException("event has no 'after' object");
        }
        if (after.path("false_positive").asBoolean(false)) {
            return Optional.empty();
        }
        if (!present(after, "recognized_license_plate")) {
            return Optional.empty();
        }
        String plate = text(after, "recognized_license_plate", true);
        if (plate.isBlank()) {
            return Optional.empty();
        }
        double score = number(after, "recognized_license_plate_score", true);
        Instant at = present(after, "frame_time") ? PeerTime.seconds(after, "frame_time") : PeerTime.seconds(after, "start_time");
        String label = present(after, "label") ? text(after, "label", true) : "";
        return Optional.of(read(source, text(after, "id", true), text(after, "camera", true), plate, score, at, label));
    }

    private static Optional<ReportedRead> fromUpdate(FrigateSource source, JsonNode root) {
        if (!"lpr".equals(text(root, "type", true))) {
            return Optional.empty(); // descriptions, faces, classifications: no plate
        }
        String plate = text(root, "plate", true);
        return Optional.of(read(source, text(root, "id", true), text(root, "camera", true), plate, number(root, "score", true),
                PeerTime.seconds(root, "timestamp"), ""));
    }

    private static ReportedRead read(FrigateSource source, String id, String camera, String plate, double score, Instant at,
                                     String label) {
        if (id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("id must be 1-128 characters");
        }
        CameraId cameraId = source.cameras().find(camera).orElseThrow(() -> new IllegalArgumentException(
                "Frigate camera '" + Checked.shorten(camera) + "' is not mapped to a Sightline camera: add \""
                        + Checked.shorten(camera) + "=<camera id>\" to sightline.ingest.frigate." + source.name() + ".cameras"));
        // the read id needs the normalised plate; a plate that is not one is refused by the rules
        Checked<Plate> p = Plate.parse(plate);
        String key = p instanceof Checked.Ok<Plate> ok ? ok.value().value() : plate.toUpperCase(Locale.ROOT);
        UUID readId = UUID.nameUUIDFromBytes(("frigate\n" + source.unit() + "\n" + id + "\n" + key).getBytes(StandardCharsets.UTF_8));
        Vehicle vehicle = new Vehicle("", "", label.equals("license_plate") ? "" : label);
        return new ReportedRead(readId, source.unit(), cameraId, plate, score, at, Optional.empty(), OptionalDouble.empty(),
                OptionalInt.empty(), vehicle, "frigate:" + source.name() + "/" + id, List.of());
    }
}
