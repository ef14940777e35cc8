package org.sightline.ingest.peer;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.CameraMapping;
import org.sightline.ingest.peer.domain.PeerTopics;

/**
 * One OpenALPR agent site to take plate reads from ({@code sightline.ingest.openalpr.<name>.*}),
 * checked at start: a bad value stops the service with a message that starts with the full key.
 *
 * <pre>
 * sightline.ingest.openalpr.huyton:
 *   topic: alprd/huyton/results    # where alprd's JSON is relayed (a filter: + and # allowed)
 *   site-id: huyton-depot          # alprd.conf site_id
 *   unit-id: KN-U03
 *   cameras: ["1=KN-003-A"]        # alprd camera_id = Sightline camera id
 *   takes: alpr_results            # or alpr_group (the commercial agent's one read per passage)
 *   heartbeat-interval: 60s        # the agent sends a heartbeat once a minute
 * </pre>
 *
 * @param name the entry's name
 * @param topic topic filter the site's JSON arrives on
 * @param siteId alprd's {@code site_id}
 * @param unitId the registered Sightline unit its reads are attributed to
 * @param cameras lines {@code "<alprd camera_id>=<Sightline camera id>"}
 * @param takes {@code alpr_results} or {@code alpr_group}
 * @param heartbeatInterval how often the agent's {@code heartbeat} arrives (relayed on the same topic)
 */
@EachProperty("sightline.ingest.openalpr")
public record OpenAlprProperties(
        @Parameter String name,
        @Bindable(defaultValue = "alprd/#") String topic,
        @Nullable String siteId,
        @Nullable String unitId,
        @Nullable List<String> cameras,
        @Bindable(defaultValue = "alpr_results") String takes,
        @Bindable(defaultValue = "60s") Duration heartbeatInterval) {

    @Creator
    public OpenAlprProperties {
    }

    /** Settings with the agent's usual heartbeat period. */
    public OpenAlprProperties(String name, String topic, String siteId, String unitId, List<String> cameras, String takes) {
        this(name, topic, siteId, unitId, cameras, takes, AlprSite.DEFAULT_HEARTBEAT_INTERVAL);
    }

    /** The checked site these settings describe. */
    public AlprSite site() {
        String key = "sightline.ingest.openalpr." + name + ".";
        if (siteId == null || siteId.isBlank() || siteId.length() > 128) {
            throw new IllegalArgumentException(key + "site-id = '" + siteId + "': must be alprd's site_id, 1-128 characters");
        }
        UnitId unit;
        try {
            unit = new UnitId(unitId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "unit-id = '" + unitId + "': " + e.getMessage());
        }
        AlprSite.Takes kind;
        try {
            kind = AlprSite.Takes.valueOf(takes.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "takes = '" + takes + "': must be alpr_results or alpr_group");
        }
        CameraMapping mapping = CameraMapping.parse(key + "cameras", cameras);
        try {
            PeerTopics.requireHeartbeatInterval(heartbeatInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "heartbeat-interval = " + heartbeatInterval + ": " + e.getMessage());
        }
        try {
            return new AlprSite(name, topic, siteId, unit, mapping, kind, heartbeatInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "topic = '" + topic + "': " + e.getMessage());
        }
    }
}
