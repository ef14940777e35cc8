package org.sightline.ingest.peer.domain;

import java.time.Duration;
import java.util.Objects;
import org.sightline.geo.camera.domain.UnitId;

/**
 * One OpenALPR agent site ({@code alprd}'s {@code site_id}) whose JSON results reach the broker on
 * a topic (relayed from alprd's beanstalkd queue or HTTP upload): its reads are attributed to one
 * Sightline unit, and its numbered cameras ({@code camera_id}) are mapped to Sightline cameras.
 *
 * @param name the configuration entry's name
 * @param topicFilter MQTT topic filter the site's JSON arrives on (wildcards allowed)
 * @param siteId alprd's {@code site_id}
 * @param unit the Sightline unit standing for this site
 * @param cameras alprd {@code camera_id} (as text) to Sightline camera
 * @param takes which of alprd's messages are reads: every plate of every frame
 *              ({@code alpr_results}) or one read per vehicle passage ({@code alpr_group}, the
 *              commercial agent's grouping); the other kind is acknowledged and ignored so that a
 *              passage is not stored twice
 * @param heartbeatInterval how often the agent sends its {@code heartbeat} (once a minute by
 *                          default): the unit turns STALE after 1.5 and OFFLINE after 3 intervals
 *                          without one
 */
public record AlprSite(String name, String topicFilter, String siteId, UnitId unit, CameraMapping cameras, Takes takes,
                       Duration heartbeatInterval) {

    /** The agent's heartbeat period: one a minute. */
    public static final Duration DEFAULT_HEARTBEAT_INTERVAL = Duration.ofSeconds(60);

    /** Which alprd messages are taken as reads. */
    public enum Takes { ALPR_RESULTS, ALPR_GROUP }

    public AlprSite {
        Objects.requireNonNull(name, "name");
        PeerTopics.requireTopicFilter("topic", topicFilter);
        if (siteId == null || siteId.isBlank() || siteId.length() > 128) {
            throw new IllegalArgumentException("site id must be 1-128 characters, was '" + siteId + "'");
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(cameras, "cameras");
        Objects.requireNonNull(takes, "takes");
        PeerTopics.requireHeartbeatInterval(heartbeatInterval);
    }

    /** A site whose agent sends its heartbeat at the agent's usual period. */
    public AlprSite(String name, String topicFilter, String siteId, UnitId unit, CameraMapping cameras, Takes takes) {
        this(name, topicFilter, siteId, unit, cameras, takes, DEFAULT_HEARTBEAT_INTERVAL);
    }
}
