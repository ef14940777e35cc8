package org.sightline.ingest.peer.adapter.mqtt;

import static org.sightline.ingest.read.adapter.mqtt.JsonFields.number;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.present;
import static org.sightline.ingest.read.adapter.mqtt.JsonFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.mqtt.JsonFields;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.Plate;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.ingest.read.domain.ReadRules;
import org.sightline.ingest.read.domain.ReportedRead;
import org.sightline.ingest.read.domain.Vehicle;

/**
 * Turns OpenALPR agent ({@code alprd}) JSON into checked reads. {@code alpr_results} (one video
 * frame; also alprd's older messages without {@code data_type}): each entry of {@code results}
 * is a read, its {@code candidates} the read's alternatives; {@code alpr_group} (the commercial
 * agent's vehicle passage): {@code best_plate} is the read. Confidences are 0-100 and become
 * 0-1; {@code epoch_time}/{@code epoch_start} are milliseconds. {@code site_id} and
 * {@code camera_id} pick the Sightline unit and camera; the read id is derived from the site, the
 * frame's {@code uuid} (or the camera and time) and the result's position, so a re-sent message
 * stores nothing twice. Heartbeats and the kind of message the site does not take hold no read.
 * Never throws.
 */
public final class OpenAlprDecoder {

    private final ReadRules rules;

    public OpenAlprDecoder(ReadRules rules) {
        this.rules = rules;
    }

    /**
     * Decodes one message that arrived on an OpenALPR topic.
     *
     * @return one entry per plate it carries (dead letters with reasons among them), or nothing
     */
    public List<CheckedRead> decode(Peers peers, String topic, byte[] payload, Instant receivedAt) {
        Checked<JsonNode> parsed = JsonFields.parseObject(payload, "an OpenALPR message");
        if (parsed instanceof Checked.Rejected<JsonNode> r) {
            return List.of(new CheckedRead.Bad(r.reason(), payload));
        }
        JsonNode root = ((Checked.Ok<JsonNode>) parsed).value();
        try {
            String dataType = present(root, "data_type") ? text(root, "data_type", true)
                    : root.has("results") ? "alpr_results" : "";
            AlprSite.Takes kind = switch (dataType) {
                case "alpr_results" -> AlprSite.Takes.ALPR_RESULTS;
                case "alpr_group" -> AlprSite.Takes.ALPR_GROUP;
                default -> null; // heartbeat, vehicle, alert…: not a plate read
            };
            if (kind == null) {
                return List.of();
            }
            String siteId = text(root, "site_id", true);
            AlprSite site = peers.alprSite(topic, siteId).orElseThrow(() -> new IllegalArgumentException(
                    "OpenALPR site '" + Checked.shorten(siteId) + "' is not configured for topic " + topic
                            + ": add it under sightline.ingest.openalpr"));
            if (kind != site.takes()) {
                return List.of();
            }
            String camera = cameraKey(root);
            CameraId cameraId = site.cameras().find(camera).orElseThrow(() -> new IllegalArgumentException(
                    "OpenALPR camera_id " + Checked.shorten(camera) + " of site '" + site.siteId()
                            + "' is not mapped to a Sightline camera: add \"" + Checked.shorten(camera)
                            + "=<camera id>\" to sightline.ingest.openalpr." + site.name() + ".cameras"));
            return kind == AlprSite.Takes.ALPR_RESULTS
                    ? results(site, cameraId, camera, root, payload, receivedAt)
                    : List.of(group(site, cameraId, camera, root, payload, receivedAt));
        } catch (IllegalArgumentException e) {
            return List.of(new CheckedRead.Bad("OpenALPR: " + e.getMessage(), payload));
        }
    }

    private List<CheckedRead> results(AlprSite site, CameraId cameraId, String camera, JsonNode root, byte[] payload,
                                      Instant receivedAt) {
        JsonNode results = root.get("results");
        if (results == null || !results.isArray()) {
            throw new IllegalArgumentException("alpr_results has no 'results' array");
        }
        Instant frameTime = PeerTime.millisOrSeconds(root, "epoch_time");
        String frame = present(root, "uuid") ? text(root, "uuid", true) : "cam" + camera + "-" + frameTime.toEpochMilli();
        List<CheckedRead> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = results.get(i);
            try {
                if (!r.isObject()) {
                    throw new IllegalArgumentException("must be an object");
                }
                Instant at = present(r, "epoch_time") ? PeerTime.millisOrSeconds(r, "epoch_time") : frameTime;
                UUID readId = readId(site, frame + "/" + i);
                out.add(PeerReasons.prefixed("OpenALPR: results[" + i + "]: ", rules.check(new ReportedRead(readId, site.unit(),
                        cameraId, text(r, "plate", true), percent(r, "confidence"), at, Optional.empty(), OptionalDouble.empty(),
                        OptionalInt.empty(), Vehicle.UNKNOWN, imageRef(site, frame), candidates(r, text(r, "plate", true))),
                        payload, receivedAt)));
            } catch (IllegalArgumentException e) {
                out.add(new CheckedRead.Bad("OpenALPR: results[" + i + "]: " + e.getMessage(), payload));
            }
        }
        return out;
    }

    private CheckedRead group(AlprSite site, CameraId cameraId, String camera, JsonNode root, byte[] payload,
                              Instant receivedAt) {
        JsonNode best = root.get("best_plate");
        if (best == null || !best.isObject()) {
            throw new IllegalArgumentException("alpr_group has no 'best_plate' object");
        }
        Instant at = PeerTime.millisOrSeconds(root, "epoch_start");
        String frame = present(root, "best_uuid") ? text(root, "best_uuid", true) : "cam" + camera + "-" + at.toEpochMilli();
        String plate = text(best, "plate", true);
        UUID readId = readId(site, "group/" + frame);
        JsonNode vehicle = root.path("vehicle");
        Vehicle v = new Vehicle(topName(vehicle, "make"), topName(vehicle, "color"), topName(vehicle, "body_type"));
        return PeerReasons.prefixed("OpenALPR: ", rules.check(new ReportedRead(readId, site.unit(), cameraId, plate,
                percent(best, "confidence"), at, Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(), v,
                imageRef(site, frame), candidates(best, plate)), payload, receivedAt));
    }

    private static String cameraKey(JsonNode root) {
        JsonNode c = root.get("camera_id");
        if (c != null && c.isIntegralNumber()) {
            return c.asText();
        }
        if (c != null && c.isTextual() && !c.textValue().isBlank()) {
            return c.textValue();
        }
        throw new IllegalArgumentException("camera_id must be alprd's camera number");
    }

    private static double percent(JsonNode n, String field) {
        double c = number(n, field, true);
        if (c < 0 || c > 100) {
            throw new IllegalArgumentException(field + " must be 0-100, was " + c);
        }
        return fraction(c);
    }

    // 0-100 to 0-1, kept to six decimals (93.1 is 0.931, not 0.9309999…)
    private static double fraction(double percent) {
        return Math.round(percent * 10_000) / 1_000_000.0;
    }

    // alprd lists its best reading among the candidates, and candidates that are not plates
    // (too long, symbols) are noise rather than a fault of the read: both are left out
    private static List<ReportedRead.ReportedAlternative> candidates(JsonNode result, String plate) {
        JsonNode c = result.get("candidates");
        if (c == null || !c.isArray()) {
            return List.of();
        }
        String best = normalisedOrNull(plate);
        List<ReportedRead.ReportedAlternative> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode candidate : c) {
            if (!candidate.isObject() || !candidate.path("plate").isTextual() || !candidate.path("confidence").isNumber()) {
                continue;
            }
            String p = normalisedOrNull(candidate.get("plate").textValue());
            double conf = candidate.get("confidence").doubleValue();
            if (p == null || p.equals(best) || !Double.isFinite(conf) || conf < 0 || conf > 100 || !seen.add(p)) {
                continue;
            }
            out.add(new ReportedRead.ReportedAlternative(p, fraction(conf)));
        }
        out.sort(Comparator.comparingDouble(ReportedRead.ReportedAlternative::confidence).reversed());
        return out.size() > PlateRead.MAX_ALTERNATIVES ? List.copyOf(out.subList(0, PlateRead.MAX_ALTERNATIVES)) : out;
    }

    private static String normalisedOrNull(String plate) {
        return Plate.parse(plate) instanceof Checked.Ok<Plate> ok ? ok.value().value() : null;
    }

    private static String topName(JsonNode vehicle, String field) {
        JsonNode list = vehicle.path(field);
        if (list.isArray() && !list.isEmpty() && list.get(0).path("name").isTextual()) {
            String name = list.get(0).get("name").textValue();
            return name.length() > Vehicle.MAX_LENGTH ? name.substring(0, Vehicle.MAX_LENGTH) : name;
        }
        return "";
    }

    private static UUID readId(AlprSite site, String key) {
        return UUID.nameUUIDFromBytes(("openalpr\n" + site.siteId() + "\n" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String imageRef(AlprSite site, String frame) {
        String ref = "openalpr:" + site.siteId() + "/" + frame;
        return ref.length() > PlateRead.MAX_IMAGE_REF ? ref.substring(0, PlateRead.MAX_IMAGE_REF) : ref;
    }
}
