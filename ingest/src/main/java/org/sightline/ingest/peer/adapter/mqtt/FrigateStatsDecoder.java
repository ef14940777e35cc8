package org.sightline.ingest.peer.adapter.mqtt;

import static org.sightline.ingest.read.adapter.mqtt.JsonFields.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.read.adapter.mqtt.JsonFields;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.unitstatus.domain.CameraHealth;
import org.sightline.ingest.unitstatus.domain.UnitHealth;

/**
 * Turns Frigate's periodic {@code <prefix>/stats} (the same document as its {@code /api/stats})
 * into a heartbeat of the unit standing for that Frigate: {@code service.uptime} (seconds) is the
 * uptime, {@code service.version} the firmware, the free space of the recordings store
 * ({@code service.storage["/media/frigate/recordings"].free}, in MiB) the disk free, the hottest of
 * {@code service.temperatures} (accelerators, °C) the temperature, and each mapped camera's
 * {@code cameras.<name>.camera_fps} (frames arriving from the camera) its frame rate. A mapped
 * camera that Frigate does not list, or whose detection is off, is reported not ok: it makes no
 * reads. Frigate cameras nobody mapped are left out. Never throws.
 */
public final class FrigateStatsDecoder {

    /** Frigate's recordings directory inside its container, where the disk fills up. */
    static final String RECORDINGS = "/media/frigate/recordings";
    private static final String CLIPS = "/media/frigate/clips";
    private static final double BYTES_PER_MIB = 1024.0 * 1024.0;

    /**
     * Decodes one stats message of this Frigate instance.
     *
     * @param receivedAt the sending time when the message does not say ({@code service.last_updated})
     */
    public Checked<UnitHealth> decode(FrigateSource source, byte[] payload, Instant receivedAt) {
        Checked<JsonNode> parsed = JsonFields.parseObject(payload, "Frigate stats");
        if (parsed instanceof Checked.Rejected<JsonNode> r) {
            return Checked.rejected("Frigate " + source.name() + ": " + r.reason());
        }
        JsonNode root = ((Checked.Ok<JsonNode>) parsed).value();
        try {
            JsonNode service = root.get("service");
            if (service == null || !service.isObject()) {
                throw new IllegalArgumentException("stats have no 'service' object");
            }
            double uptime = JsonFields.number(service, "uptime", true);
            if (uptime < 0) {
                throw new IllegalArgumentException("service.uptime must not be negative, was " + uptime);
            }
            Instant sentAt = present(service, "last_updated") ? PeerTime.seconds(service, "last_updated") : receivedAt;
            String version = present(service, "version") ? JsonFields.text(service, "version", true).strip() : "";
            return Checked.ok(new UnitHealth(source.unit(), sentAt, (long) uptime, hottest(service.path("temperatures")),
                    diskFree(service.path("storage")), PeerFirmware.of("Frigate", version), OptionalLong.empty(),
                    cameras(source, root.path("cameras"))));
        } catch (IllegalArgumentException e) {
            return Checked.rejected("Frigate " + source.name() + " stats: " + e.getMessage());
        }
    }

    private static List<CameraHealth> cameras(FrigateSource source, JsonNode cameras) {
        List<CameraHealth> out = new ArrayList<>();
        List<Map.Entry<String, CameraId>> mapped = new ArrayList<>(source.cameras().cameras().entrySet());
        mapped.sort(Comparator.comparing(e -> e.getValue().value()));
        for (Map.Entry<String, CameraId> e : mapped) {
            JsonNode c = cameras.get(e.getKey());
            if (c == null || !c.isObject()) {
                // Frigate no longer runs a camera Sightline expects reads from
                out.add(new CameraHealth(e.getValue(), false, OptionalDouble.empty(), Optional.empty()));
                continue;
            }
            OptionalDouble fps = present(c, "camera_fps")
                    ? OptionalDouble.of(JsonFields.number(c, "camera_fps", true)) : OptionalDouble.empty();
            boolean detecting = !c.path("detection_enabled").isBoolean() || c.get("detection_enabled").booleanValue();
            try {
                out.add(new CameraHealth(e.getValue(), detecting, fps, Optional.empty()));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("cameras." + Checked.shorten(e.getKey()) + ": " + bad.getMessage());
            }
        }
        return out;
    }

    // Frigate measures storage in MiB; the recordings store is the one that fills up
    private static OptionalLong diskFree(JsonNode storage) {
        for (String path : List.of(RECORDINGS, CLIPS)) {
            JsonNode free = storage.path(path).path("free");
            if (free.isNumber() && Double.isFinite(free.doubleValue()) && free.doubleValue() >= 0) {
                return OptionalLong.of(Math.round(free.doubleValue() * BYTES_PER_MIB));
            }
        }
        return OptionalLong.empty();
    }

    // the temperatures Frigate reports are its accelerators' (Coral); the hottest is the one to watch
    private static OptionalDouble hottest(JsonNode temperatures) {
        OptionalDouble max = OptionalDouble.empty();
        if (temperatures.isObject()) {
            for (JsonNode t : temperatures) {
                if (t.isNumber() && t.doubleValue() >= -60 && t.doubleValue() <= 150
                        && (max.isEmpty() || t.doubleValue() > max.getAsDouble())) {
                    max = OptionalDouble.of(t.doubleValue());
                }
            }
        }
        return max;
    }
}
