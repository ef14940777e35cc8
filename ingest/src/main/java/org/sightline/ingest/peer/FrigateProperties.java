package org.sightline.ingest.peer;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.peer.domain.CameraMapping;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.PeerTopics;

/**
 * One Frigate NVR to take plate reads from ({@code sightline.ingest.frigate.<name>.*}), checked
 * at start: a bad value stops the service with a message that starts with the full key.
 *
 * <pre>
 * sightline.ingest.frigate.depot:
 *   topic-prefix: frigate          # Frigate's mqtt.topic_prefix
 *   unit-id: KN-U07                # the Sightline unit standing for this Frigate
 *   cameras: ["driveway=KN-014-A"] # Frigate camera name = Sightline camera id
 *   heartbeat-interval: 60s        # Frigate's mqtt.stats_interval
 * </pre>
 *
 * @param name the entry's name
 * @param topicPrefix Frigate's MQTT topic prefix
 * @param unitId the registered Sightline unit its reads are attributed to
 * @param cameras lines {@code "<Frigate camera>=<Sightline camera id>"}
 * @param heartbeatInterval Frigate's {@code mqtt.stats_interval}: its {@code <prefix>/stats} are
 *                          the unit's heartbeats
 */
@EachProperty("sightline.ingest.frigate")
public record FrigateProperties(
        @Parameter String name,
        @Bindable(defaultValue = "frigate") String topicPrefix,
        @Nullable String unitId,
        @Nullable List<String> cameras,
        @Bindable(defaultValue = "60s") Duration heartbeatInterval) {

    @Creator
    public FrigateProperties {
    }

    /** Settings with Frigate's default stats interval. */
    public FrigateProperties(String name, String topicPrefix, String unitId, List<String> cameras) {
        this(name, topicPrefix, unitId, cameras, FrigateSource.DEFAULT_STATS_INTERVAL);
    }

    /** The checked source these settings describe. */
    public FrigateSource source() {
        String key = "sightline.ingest.frigate." + name + ".";
        UnitId unit;
        try {
            unit = new UnitId(unitId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "unit-id = '" + unitId + "': " + e.getMessage());
        }
        CameraMapping mapping = CameraMapping.parse(key + "cameras", cameras);
        try {
            PeerTopics.requireHeartbeatInterval(heartbeatInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "heartbeat-interval = " + heartbeatInterval + ": " + e.getMessage());
        }
        try {
            return new FrigateSource(name, topicPrefix, unit, mapping, heartbeatInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + "topic-prefix = '" + topicPrefix + "': " + e.getMessage());
        }
    }
}
