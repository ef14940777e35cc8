package org.sightline.ingest.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.peer.adapter.mqtt.FrigateDecoder;
import org.sightline.ingest.peer.adapter.mqtt.OpenAlprDecoder;
import org.sightline.ingest.peer.adapter.mqtt.OpenAlprHeartbeatDecoder;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.adapter.mqtt.ReadPayloadDecoder;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.ReadRules;

/**
 * Every topic plate reads arrive on, and the decoder for each: the units' native
 * {@code <root>/units/<unitId>/reads}, and the configured peers (Frigate's events and tracked
 * object updates, OpenALPR sites' topics). Whatever the source, reads meet the same
 * {@link ReadRules} and go down the same write path. Thread-safe.
 */
public final class ReadSources {

    /**
     * What one message holds.
     *
     * @param reads the checked reads (empty when the message carries none: a peer's event without a plate)
     * @param fromPeer true when the message came from a peer system, not in the native protocol
     * @param peerHeartbeat true when it is a peer's heartbeat (the OpenALPR agent sends them on
     *                      its results topic), which belongs to the unit status, not to the reads
     */
    public record Decoded(List<CheckedRead> reads, boolean fromPeer, boolean peerHeartbeat) {

        /** What a message holds that is not a peer's heartbeat. */
        public Decoded(List<CheckedRead> reads, boolean fromPeer) {
            this(reads, fromPeer, false);
        }
    }

    private final IngestProperties config;
    private final UnitTopics topics;
    private final Peers peers;
    private final ReadPayloadDecoder nativeDecoder;
    private final FrigateDecoder frigate;
    private final OpenAlprDecoder openAlpr;

    public ReadSources(IngestProperties config, Peers peers) {
        this.config = config;
        this.topics = new UnitTopics(config.topicRoot());
        this.peers = peers;
        this.nativeDecoder = new ReadPayloadDecoder(config.maxPayloadBytes(), config.timing());
        ReadRules rules = new ReadRules(config.timing());
        this.frigate = new FrigateDecoder(rules);
        this.openAlpr = new OpenAlprDecoder(rules);
    }

    /** The topic filters to subscribe to (through the share group when the settings say so). */
    public List<String> subscriptions() {
        List<String> filters = new ArrayList<>();
        filters.add(topics.filter(UnitTopics.Kind.READS));
        filters.addAll(peers.topicFilters());
        if (!config.sharedSubscription()) {
            return filters;
        }
        return filters.stream().map(f -> "$share/" + config.shareGroup() + "/" + f).toList();
    }

    /**
     * Decodes a message by its topic. Never throws for bad input.
     *
     * @param topic where it arrived
     * @param payload its bytes
     * @param receivedAt when
     */
    public Decoded decode(String topic, byte[] payload, Instant receivedAt) {
        Optional<FrigateSource> f = peers.frigateOf(topic);
        if (f.isPresent()) {
            return new Decoded(tooBig(payload).orElseGet(() -> frigate.decode(f.get(), topic, payload, receivedAt)), true);
        }
        Optional<UnitTopics.Parsed> parsed = topics.parse(topic);
        if (parsed.isPresent() && parsed.get().kind() == UnitTopics.Kind.READS) {
            return new Decoded(nativeDecoder.decode(parsed.get().unitId(), payload, receivedAt), false);
        }
        if (peers.isAlprTopic(topic)) {
            List<CheckedRead> reads = tooBig(payload).orElseGet(() -> openAlpr.decode(peers, topic, payload, receivedAt));
            // parsed a second time only when it held no read: heartbeats are one a minute
            return new Decoded(reads, true, reads.isEmpty() && OpenAlprHeartbeatDecoder.isHeartbeat(payload));
        }
        return new Decoded(List.of(new CheckedRead.Bad("not a reads topic of a valid unit id, nor of a configured peer: "
                + topic, payload)), false);
    }

    private Optional<List<CheckedRead>> tooBig(byte[] payload) {
        if (payload.length <= config.maxPayloadBytes()) {
            return Optional.empty();
        }
        return Optional.of(List.of(new CheckedRead.Bad("payload is " + payload.length + " bytes, more than the limit of "
                + config.maxPayloadBytes(), payload)));
    }
}
