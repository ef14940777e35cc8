package org.sightline.ingest.peer;

import io.micronaut.context.annotation.Context;
import jakarta.inject.Singleton;
import java.util.List;
import org.sightline.ingest.IngestProperties;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.PeerTopics;
import org.sightline.ingest.peer.domain.Peers;

/**
 * The configured peer sources (Frigate instances, OpenALPR sites), checked when the service
 * starts so that a bad mapping stops it with a message naming the key.
 */
@Context
@Singleton
public class PeerSettings {

    private final Peers peers;

    public PeerSettings(IngestProperties ingest, List<FrigateProperties> frigate, List<OpenAlprProperties> openAlpr) {
        this.peers = new Peers(frigate.stream().map(FrigateProperties::source).toList(),
                openAlpr.stream().map(OpenAlprProperties::site).toList());
        // a peer topic inside the protocol's own tree would take units' messages for a peer's
        String sample = ingest.topicRoot() + "/units/U1/reads";
        for (FrigateSource f : peers.frigate()) {
            if (f.eventsTopic().startsWith(ingest.topicRoot() + "/") || f.topicPrefix().equals(ingest.topicRoot())) {
                throw new IllegalArgumentException("sightline.ingest.frigate." + f.name() + ".topic-prefix = '" + f.topicPrefix()
                        + "': must not be inside sightline.ingest.topic-root (" + ingest.topicRoot() + ")");
            }
        }
        for (AlprSite s : peers.alprSites()) {
            if (PeerTopics.matches(s.topicFilter(), sample) || s.topicFilter().startsWith(ingest.topicRoot() + "/")) {
                throw new IllegalArgumentException("sightline.ingest.openalpr." + s.name() + ".topic = '" + s.topicFilter()
                        + "': must not match topics under sightline.ingest.topic-root (" + ingest.topicRoot() + ")");
            }
        }
    }

    /** Every configured peer source. */
    public Peers peers() {
        return peers;
    }
}
