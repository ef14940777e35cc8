package org.sightline.ingest.deadletter.adapter.mqtt;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.read.adapter.mqtt.BridgedReads;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.platform.mqtt.MqttClients;

/**
 * Re-publishes the reads of a replayed dead letter, at QoS 1 and in the native format, on
 * {@code <root>/bridged/<unitId>/reads}, where alerting's hotlist matcher takes them as it takes a
 * peer's reads. Alerting reads the broker through its own subscription, so a read that only the
 * replay stored would otherwise never be matched. The intake does not subscribe there: nothing is
 * stored twice. Replays are rare administrator actions, so each one uses a short-lived connection.
 */
public final class ReplayedReads {

    // well under alerting's 64 KiB message limit even with eight alternatives a read
    private static final int READS_PER_MESSAGE = 50;

    private final MqttClients clients;
    private final String topicRoot;
    private final String instanceId;

    public ReplayedReads(MqttClients clients, String topicRoot, String instanceId) {
        this.clients = clients;
        this.topicRoot = topicRoot;
        this.instanceId = instanceId;
    }

    /**
     * Publishes the reads and returns once the broker has acknowledged every message.
     *
     * @return how many reads were published
     * @throws MqttException when the broker cannot be reached or does not acknowledge in time
     */
    public int publish(List<PlateRead> reads) throws MqttException {
        if (reads.isEmpty()) {
            return 0;
        }
        Map<UnitId, List<PlateRead>> byUnit = new LinkedHashMap<>();
        reads.forEach(r -> byUnit.computeIfAbsent(r.unitId(), u -> new ArrayList<>()).add(r));
        long timeoutMs = clients.config().connectTimeout().toMillis() + 5_000;
        String clientId = clients.config().clientIdPrefix() + "-replay-" + instanceId + "-" + UUID.randomUUID().toString().substring(0, 8);
        MqttAsyncClient c = clients.newAsyncClient(clientId);
        try {
            MqttConnectionOptions options = clients.options(true, 0);
            options.setAutomaticReconnect(false);
            c.connect(options).waitForCompletion(timeoutMs);
            for (Map.Entry<UnitId, List<PlateRead>> e : byUnit.entrySet()) {
                List<PlateRead> unitReads = e.getValue();
                for (int i = 0; i < unitReads.size(); i += READS_PER_MESSAGE) {
                    MqttMessage m = new MqttMessage(BridgedReads.payload(unitReads.subList(i, Math.min(unitReads.size(), i + READS_PER_MESSAGE))));
                    m.setQos(1);
                    c.publish(BridgedReads.topic(topicRoot, e.getKey()), m).waitForCompletion(timeoutMs);
                }
            }
            c.disconnect(1_000).waitForCompletion(2_000);
            return reads.size();
        } finally {
            try {
                c.close(true);
            } catch (MqttException ignored) {
                // nothing more to release
            }
        }
    }
}
