package org.sightline.ingest;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.regex.Pattern;
import org.sightline.ingest.read.domain.ReadTiming;

/**
 * Settings of the MQTT intake ({@code sightline.ingest.*}), checked at start: a bad value stops the
 * service with a message that starts with the full key.
 *
 * @param enabled start the intake with the service
 * @param instanceId this instance's name, stable across restarts: it is part of the MQTT client id,
 *                   so the broker keeps this instance's un-acknowledged messages while it is down
 * @param topicRoot the protocol's topic root; units publish under {@code <root>/units/<unitId>/…}
 * @param shareGroup the MQTT shared-subscription group that spreads reads over all instances
 * @param sharedSubscription subscribe through the share group (several instances share the reads);
 *                           false for one instance on a broker that does not keep shared
 *                           subscriptions across its own restart (Mosquitto 2.0: see docs/mqtt.md)
 * @param batchSize most messages written in one database transaction
 * @param batchLatency longest a message waits for its batch to fill before it is written
 * @param receiveMaximum most messages this instance holds received and not yet committed (the
 *                       broker's own in-flight limit applies on the wire: docs/mqtt.md)
 * @param queueCapacity most received messages held in memory waiting for the writer
 * @param sessionExpiry how long the broker keeps this instance's session (and its messages) while it is down
 * @param maxPayloadBytes larger messages are dead-lettered unread
 * @param futureTolerance capture times further ahead of the service's clock are refused
 * @param lateAfter reads received this long after capture are stored flagged late
 * @param oldestAccepted older reads are refused
 * @param partitionsAhead daily partitions of {@code plate_read} created ahead of today
 * @param heartbeatInterval how often units send health messages (drives the unit status timers)
 * @param connections MQTT connections (each with its own writer and database connection) this
 *                    instance takes reads on, in the share group: one client decodes its messages
 *                    on one thread, so a second connection lets an instance use more cores (needs
 *                    the shared subscription; on 2 cores one was faster: docs/mqtt.md)
 */
@Context
@ConfigurationProperties("sightline.ingest")
public record IngestProperties(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "main") String instanceId,
        @Bindable(defaultValue = "sightline/v1") String topicRoot,
        @Bindable(defaultValue = "sightline-ingest") String shareGroup,
        @Bindable(defaultValue = "true") boolean sharedSubscription,
        @Bindable(defaultValue = "1000") int batchSize,
        @Bindable(defaultValue = "50ms") Duration batchLatency,
        @Bindable(defaultValue = "2000") int receiveMaximum,
        @Bindable(defaultValue = "4000") int queueCapacity,
        @Bindable(defaultValue = "1d") Duration sessionExpiry,
        @Bindable(defaultValue = "65536") int maxPayloadBytes,
        @Bindable(defaultValue = "5m") Duration futureTolerance,
        @Bindable(defaultValue = "10m") Duration lateAfter,
        @Bindable(defaultValue = "90d") Duration oldestAccepted,
        @Bindable(defaultValue = "3") int partitionsAhead,
        @Bindable(defaultValue = "30s") Duration heartbeatInterval,
        @Bindable(defaultValue = "1") int connections) {

    private static final String P = "sightline.ingest.";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern TOPIC_ROOT = Pattern.compile("[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*");

    public IngestProperties {
        if (instanceId == null || !NAME.matcher(instanceId).matches()) {
            throw new IllegalArgumentException(P + "instance-id = '" + instanceId + "': must be 1-40 letters, digits, '-' or '_'");
        }
        if (topicRoot == null || !TOPIC_ROOT.matcher(topicRoot).matches() || topicRoot.length() > 100) {
            throw new IllegalArgumentException(P + "topic-root = '" + topicRoot
                    + "': must be topic levels of letters, digits, '.', '-' or '_' separated by '/', no wildcards (e.g. sightline/v1)");
        }
        if (shareGroup == null || !NAME.matcher(shareGroup).matches()) {
            throw new IllegalArgumentException(P + "share-group = '" + shareGroup + "': must be 1-40 letters, digits, '-' or '_'");
        }
        range("batch-size", batchSize, 1, 10_000);
        duration("batch-latency", batchLatency, Duration.ofMillis(1), Duration.ofSeconds(10));
        range("receive-maximum", receiveMaximum, 1, 65_535);
        range("queue-capacity", queueCapacity, 1, 1_000_000);
        if (queueCapacity < receiveMaximum) {
            throw new IllegalArgumentException(P + "queue-capacity = " + queueCapacity
                    + ": must be at least sightline.ingest.receive-maximum (" + receiveMaximum + ")");
        }
        duration("session-expiry", sessionExpiry, Duration.ofMinutes(1), Duration.ofDays(30));
        range("max-payload-bytes", maxPayloadBytes, 1024, 1 << 20);
        duration("future-tolerance", futureTolerance, Duration.ZERO, Duration.ofHours(1));
        duration("late-after", lateAfter, Duration.ofSeconds(1), Duration.ofDays(1));
        duration("oldest-accepted", oldestAccepted, Duration.ofDays(1), Duration.ofDays(3660));
        range("partitions-ahead", partitionsAhead, 1, 60);
        duration("heartbeat-interval", heartbeatInterval, Duration.ofSeconds(1), Duration.ofHours(1));
        range("connections", connections, 1, 16);
        if (connections > 1 && !sharedSubscription) {
            throw new IllegalArgumentException(P + "connections = " + connections
                    + ": more than one connection needs sightline.ingest.shared-subscription = true (they split the reads as a share group)");
        }
    }

    /** The instance id of connection {@code k} (0-based): the first keeps the instance's own id, so its session survives a change of count. */
    public String connectionInstanceId(int k) {
        return k == 0 ? instanceId : instanceId + "-c" + k;
    }

    /** The rules for capture times these settings describe. */
    public ReadTiming timing() {
        return new ReadTiming(futureTolerance, lateAfter, oldestAccepted);
    }

    /** The same settings without the shared subscription. */
    public IngestProperties withoutSharedSubscription() {
        return new IngestProperties(enabled, instanceId, topicRoot, shareGroup, false, batchSize, batchLatency, receiveMaximum,
                queueCapacity, sessionExpiry, maxPayloadBytes, futureTolerance, lateAfter, oldestAccepted,
                partitionsAhead, heartbeatInterval, 1);
    }

    /** The same settings on {@code n} connections. */
    public IngestProperties withConnections(int n) {
        return new IngestProperties(enabled, instanceId, topicRoot, shareGroup, sharedSubscription, batchSize, batchLatency, receiveMaximum,
                queueCapacity, sessionExpiry, maxPayloadBytes, futureTolerance, lateAfter, oldestAccepted,
                partitionsAhead, heartbeatInterval, n);
    }

    /** The same settings with another instance id (tests and the benchmark run several instances). */
    public IngestProperties withInstanceId(String id) {
        return new IngestProperties(enabled, id, topicRoot, shareGroup, sharedSubscription, batchSize, batchLatency, receiveMaximum,
                queueCapacity, sessionExpiry, maxPayloadBytes, futureTolerance, lateAfter, oldestAccepted,
                partitionsAhead, heartbeatInterval, connections);
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(P + key + " = " + value + ": must be " + min + "-" + max);
        }
    }

    private static void duration(String key, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(P + key + " = " + value + ": must be between " + min + " and " + max);
        }
    }
}
