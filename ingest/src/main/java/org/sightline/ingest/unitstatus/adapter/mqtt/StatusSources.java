package org.sightline.ingest.unitstatus.adapter.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.peer.adapter.mqtt.FrigateStatsDecoder;
import org.sightline.ingest.peer.adapter.mqtt.OpenAlprHeartbeatDecoder;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.unitstatus.domain.UnitHealth;

/**
 * Every topic unit health and presence arrive on, and what a message there says: units' native
 * {@code …/health} and {@code …/status}, a Frigate's {@code <prefix>/stats} (its heartbeat) and
 * {@code <prefix>/available} (its presence), and OpenALPR agents' heartbeats (handed over by the
 * read intake, since the agent sends them on its results topic). Whatever the source, a heartbeat
 * becomes the same {@link UnitHealth} and follows the same path. Each unit ages by its own
 * heartbeat interval: a peer's as configured for that peer, every other unit's
 * {@code sightline.ingest.heartbeat-interval}.
 */
final class StatusSources {

    /** What a message says. */
    sealed interface Message permits Heartbeat, Presence, Refused {
    }

    /** A heartbeat, or the reason it cannot be read; {@code unit} is known from the topic for native ones. */
    record Heartbeat(Optional<UnitId> unit, Checked<UnitHealth> health) implements Message {
    }

    /** A presence message ({@code online}/{@code offline}, not yet checked) of a unit. */
    record Presence(UnitId unit) implements Message {
    }

    /** Not a topic of this intake. */
    record Refused(String reason) implements Message {
    }

    private final IngestProperties config;
    private final UnitTopics topics;
    private final Peers peers;
    private final HealthPayloadDecoder nativeDecoder;
    private final FrigateStatsDecoder frigateStats = new FrigateStatsDecoder();
    private final OpenAlprHeartbeatDecoder alprHeartbeats = new OpenAlprHeartbeatDecoder();

    StatusSources(IngestProperties config, Peers peers) {
        this.config = config;
        this.topics = new UnitTopics(config.topicRoot());
        this.peers = peers;
        this.nativeDecoder = new HealthPayloadDecoder(config.maxPayloadBytes());
    }

    /** The subscriptions: heartbeats through the share group (when configured), retained presence by every instance. */
    List<MqttSubscription> subscriptions() {
        List<MqttSubscription> out = new ArrayList<>();
        out.add(new MqttSubscription(shared(topics.filter(UnitTopics.Kind.HEALTH)), 1));
        out.add(new MqttSubscription(topics.filter(UnitTopics.Kind.STATUS), 1));
        for (FrigateSource f : peers.frigate()) {
            out.add(new MqttSubscription(shared(f.statsTopic()), 1));
            out.add(new MqttSubscription(f.availabilityTopic(), 1));
        }
        return out;
    }

    private String shared(String filter) {
        return config.sharedSubscription() ? "$share/" + config.shareGroup() + "/" + filter : filter;
    }

    /** What a message says, by its topic. Never throws for bad input. */
    Message classify(String topic, byte[] payload, Instant receivedAt) {
        for (FrigateSource f : peers.frigate()) {
            if (f.availabilityTopic().equals(topic)) {
                return new Presence(f.unit());
            }
            if (f.statsTopic().equals(topic)) {
                return new Heartbeat(Optional.of(f.unit()), tooBig(payload).orElseGet(() -> frigateStats.decode(f, payload, receivedAt)));
            }
        }
        Optional<UnitTopics.Parsed> parsed = topics.parse(topic);
        if (parsed.isPresent() && parsed.get().kind() == UnitTopics.Kind.HEALTH) {
            UnitId unit = parsed.get().unitId();
            return new Heartbeat(Optional.of(unit), nativeDecoder.decode(unit, payload));
        }
        if (parsed.isPresent() && parsed.get().kind() == UnitTopics.Kind.STATUS) {
            return new Presence(parsed.get().unitId());
        }
        if (peers.isAlprTopic(topic)) {
            return new Heartbeat(Optional.empty(), tooBig(payload).orElseGet(() -> alprHeartbeats.decode(peers, topic, payload, receivedAt)));
        }
        return new Refused("not a unit topic of a valid unit id");
    }

    private Optional<Checked<UnitHealth>> tooBig(byte[] payload) {
        return payload.length <= config.maxPayloadBytes() ? Optional.empty()
                : Optional.of(Checked.rejected("payload is " + payload.length + " bytes, more than the limit of " + config.maxPayloadBytes()));
    }

    /** The heartbeat interval a unit is judged by. */
    Duration intervalOf(String unitId) {
        try {
            return peers.heartbeatInterval(new UnitId(unitId)).orElse(config.heartbeatInterval());
        } catch (IllegalArgumentException e) {
            return config.heartbeatInterval();
        }
    }

    /** The shortest interval of any unit: units silent for 1.5 of it are worth a look. */
    Duration shortestInterval() {
        Duration min = config.heartbeatInterval();
        for (FrigateSource f : peers.frigate()) {
            min = f.heartbeatInterval().compareTo(min) < 0 ? f.heartbeatInterval() : min;
        }
        for (var s : peers.alprSites()) {
            min = s.heartbeatInterval().compareTo(min) < 0 ? s.heartbeatInterval() : min;
        }
        return min;
    }
}
