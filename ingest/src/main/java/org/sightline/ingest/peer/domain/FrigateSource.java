package org.sightline.ingest.peer.domain;

import java.time.Duration;
import java.util.Objects;
import org.sightline.geo.camera.domain.UnitId;

/**
 * One Frigate NVR whose licence-plate recognitions Sightline takes in: Frigate publishes under its
 * MQTT topic prefix ({@code <prefix>/events}, {@code <prefix>/tracked_object_update}); its reads
 * are attributed to one Sightline unit, and its cameras are mapped by name.
 *
 * @param name the configuration entry's name
 * @param topicPrefix Frigate's {@code mqtt.topic_prefix}
 * @param unit the Sightline unit standing for this Frigate instance
 * @param cameras Frigate camera name to Sightline camera
 * @param heartbeatInterval how often this Frigate publishes {@code <prefix>/stats} (its
 *                          {@code mqtt.stats_interval}): the unit turns STALE after 1.5 and
 *                          OFFLINE after 3 intervals without them
 */
public record FrigateSource(String name, String topicPrefix, UnitId unit, CameraMapping cameras, Duration heartbeatInterval) {

    /** Frigate's own default {@code mqtt.stats_interval}. */
    public static final Duration DEFAULT_STATS_INTERVAL = Duration.ofSeconds(60);

    public FrigateSource {
        Objects.requireNonNull(name, "name");
        PeerTopics.requireTopicName("topic prefix", topicPrefix);
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(cameras, "cameras");
        PeerTopics.requireHeartbeatInterval(heartbeatInterval);
    }

    /** A source whose Frigate publishes its stats at Frigate's default interval. */
    public FrigateSource(String name, String topicPrefix, UnitId unit, CameraMapping cameras) {
        this(name, topicPrefix, unit, cameras, DEFAULT_STATS_INTERVAL);
    }

    /** Topic of Frigate's tracked-object events. */
    public String eventsTopic() {
        return topicPrefix + "/events";
    }

    /** Frigate's retained availability, {@code online} or {@code offline} (its Last Will). */
    public String availabilityTopic() {
        return topicPrefix + "/available";
    }

    /** Topic of Frigate's periodic stats (service uptime and version, storage, per-camera frame rates). */
    public String statsTopic() {
        return topicPrefix + "/stats";
    }

    /** Topic of Frigate's tracked-object updates (the {@code lpr} type carries plates). */
    public String updatesTopic() {
        return topicPrefix + "/tracked_object_update";
    }
}
