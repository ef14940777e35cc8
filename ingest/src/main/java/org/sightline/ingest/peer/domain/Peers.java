package org.sightline.ingest.peer.domain;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every peer source configured: Frigate instances and OpenALPR sites. No two Frigate instances
 * share a topic prefix and no two OpenALPR sites share a site id, so each message has one source.
 */
public record Peers(List<FrigateSource> frigate, List<AlprSite> alprSites) {

    public static final Peers NONE = new Peers(List.of(), List.of());

    public Peers {
        frigate = List.copyOf(frigate);
        alprSites = List.copyOf(alprSites);
        Map<String, String> prefixes = new HashMap<>();
        for (FrigateSource f : frigate) {
            String other = prefixes.put(f.topicPrefix(), f.name());
            if (other != null) {
                throw new IllegalArgumentException("sightline.ingest.frigate." + f.name() + ".topic-prefix = '" + f.topicPrefix()
                        + "': already the prefix of sightline.ingest.frigate." + other);
            }
        }
        Map<String, String> sites = new HashMap<>();
        for (AlprSite s : alprSites) {
            String other = sites.put(s.siteId(), s.name());
            if (other != null) {
                throw new IllegalArgumentException("sightline.ingest.openalpr." + s.name() + ".site-id = '" + s.siteId()
                        + "': already the site of sightline.ingest.openalpr." + other);
            }
        }
    }

    /** The Frigate instance publishing on this topic, if any. */
    public Optional<FrigateSource> frigateOf(String topic) {
        for (FrigateSource f : frigate) {
            if (topic.equals(f.eventsTopic()) || topic.equals(f.updatesTopic())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** True when some OpenALPR site's topic filter matches this topic. */
    public boolean isAlprTopic(String topic) {
        return alprSites.stream().anyMatch(s -> PeerTopics.matches(s.topicFilter(), topic));
    }

    /** The OpenALPR site with this site id whose topic filter matches the topic, if any. */
    public Optional<AlprSite> alprSite(String topic, String siteId) {
        return alprSites.stream().filter(s -> s.siteId().equals(siteId) && PeerTopics.matches(s.topicFilter(), topic)).findFirst();
    }

    /** The topic filters to subscribe to, each once. */
    public List<String> topicFilters() {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        frigate.forEach(f -> {
            out.add(f.eventsTopic());
            out.add(f.updatesTopic());
        });
        alprSites.forEach(s -> out.add(s.topicFilter()));
        return List.copyOf(out);
    }
}
