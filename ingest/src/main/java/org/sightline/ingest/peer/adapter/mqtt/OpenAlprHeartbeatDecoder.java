package org.sightline.ingest.peer.adapter.mqtt;

import static org.sightline.ingest.read.adapter.mqtt.JsonFields.present;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.mqtt.JsonFields;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.unitstatus.domain.CameraHealth;
import org.sightline.ingest.unitstatus.domain.UnitHealth;

/**
 * Turns the OpenALPR agent's {@code heartbeat} (sent once a minute, relayed on the site's topic
 * like its results) into a heartbeat of the unit standing for the site: {@code timestamp}
 * (epoch ms) is the sending time, {@code system_uptime_seconds} (else {@code daemon_uptime_seconds})
 * the uptime, {@code agent_type} and {@code agent_version} the firmware, what is left of the
 * agent's image quota ({@code disk_quota_total_bytes − disk_quota_consumed_bytes}) the disk free,
 * and each mapped camera's entry of {@code video_streams} ({@code camera_id}, {@code is_streaming},
 * {@code fps}, {@code last_update} in epoch ms) its health. A mapped camera the agent does not
 * stream is reported not ok; streams nobody mapped are left out. The site is picked by
 * {@code site_id} or, when the heartbeat has none, by being the only site on the topic.
 * Never throws.
 */
public final class OpenAlprHeartbeatDecoder {

    /** True when the payload is an alprd JSON document of {@code data_type} {@code heartbeat}. */
    public static boolean isHeartbeat(byte[] payload) {
        return JsonFields.parseObject(payload, "an OpenALPR message") instanceof Checked.Ok<JsonNode> ok
                && "heartbeat".equals(ok.value().path("data_type").asText(""));
    }

    /** Decodes one heartbeat that arrived on an OpenALPR site's topic. */
    public Checked<UnitHealth> decode(Peers peers, String topic, byte[] payload, Instant receivedAt) {
        Checked<JsonNode> parsed = JsonFields.parseObject(payload, "an OpenALPR heartbeat");
        if (parsed instanceof Checked.Rejected<JsonNode> r) {
            return Checked.rejected("OpenALPR: " + r.reason());
        }
        JsonNode root = ((Checked.Ok<JsonNode>) parsed).value();
        try {
            if (!"heartbeat".equals(root.path("data_type").asText(""))) {
                throw new IllegalArgumentException("data_type must be heartbeat");
            }
            AlprSite site = site(peers, topic, root);
            Instant sentAt = present(root, "timestamp") ? PeerTime.millisOrSeconds(root, "timestamp") : receivedAt;
            String uptimeField = present(root, "system_uptime_seconds") ? "system_uptime_seconds" : "daemon_uptime_seconds";
            double uptime = JsonFields.number(root, uptimeField, true);
            if (uptime < 0) {
                throw new IllegalArgumentException(uptimeField + " must not be negative, was " + uptime);
            }
            String product = present(root, "agent_type") ? JsonFields.text(root, "agent_type", true) : "alprd";
            String version = present(root, "agent_version") ? JsonFields.text(root, "agent_version", true) : "";
            return Checked.ok(new UnitHealth(site.unit(), sentAt, (long) uptime, OptionalDouble.empty(), quotaFree(root),
                    PeerFirmware.of(product, version), OptionalLong.empty(), cameras(site, root.path("video_streams"))));
        } catch (IllegalArgumentException e) {
            return Checked.rejected("OpenALPR heartbeat: " + e.getMessage());
        }
    }

    private static AlprSite site(Peers peers, String topic, JsonNode root) {
        if (present(root, "site_id")) {
            String siteId = JsonFields.text(root, "site_id", true);
            return peers.alprSite(topic, siteId).orElseThrow(() -> new IllegalArgumentException("site '"
                    + Checked.shorten(siteId) + "' is not configured for topic " + topic + ": add it under sightline.ingest.openalpr"));
        }
        List<AlprSite> sites = peers.alprSitesOn(topic);
        if (sites.size() != 1) {
            throw new IllegalArgumentException("it carries no site_id and " + sites.size() + " sites share topic " + topic
                    + ": give each site a topic of its own");
        }
        return sites.get(0);
    }

    private static OptionalLong quotaFree(JsonNode root) {
        JsonNode total = root.get("disk_quota_total_bytes");
        JsonNode used = root.get("disk_quota_consumed_bytes");
        if (total == null || used == null || !total.canConvertToLong() || !used.canConvertToLong()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(0, total.longValue() - used.longValue()));
    }

    private static List<CameraHealth> cameras(AlprSite site, JsonNode streams) {
        Map<String, JsonNode> byCamera = new HashMap<>();
        if (streams.isArray()) {
            for (JsonNode s : streams) {
                JsonNode id = s.path("camera_id");
                if (id.isIntegralNumber() || (id.isTextual() && !id.textValue().isBlank())) {
                    byCamera.put(id.asText(), s);
                }
            }
        }
        List<Map.Entry<String, CameraId>> mapped = new ArrayList<>(site.cameras().cameras().entrySet());
        mapped.sort(Comparator.comparing(e -> e.getValue().value()));
        List<CameraHealth> out = new ArrayList<>();
        for (Map.Entry<String, CameraId> e : mapped) {
            JsonNode s = byCamera.get(e.getKey());
            if (s == null) {
                out.add(new CameraHealth(e.getValue(), false, OptionalDouble.empty(), Optional.empty()));
                continue;
            }
            try {
                boolean streaming = s.path("is_streaming").asBoolean(false);
                OptionalDouble fps = present(s, "fps") ? OptionalDouble.of(JsonFields.number(s, "fps", true)) : OptionalDouble.empty();
                Optional<Instant> last = present(s, "last_update") ? Optional.of(PeerTime.millisOrSeconds(s, "last_update"))
                        : Optional.empty();
                out.add(new CameraHealth(e.getValue(), streaming, fps, last));
            } catch (IllegalArgumentException bad) {
                throw new IllegalArgumentException("video_streams camera_id " + Checked.shorten(e.getKey()) + ": " + bad.getMessage());
            }
        }
        return out;
    }
}
