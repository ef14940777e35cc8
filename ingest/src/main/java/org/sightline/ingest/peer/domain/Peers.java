package org.sightline.ingest.peer.domain;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.camera.domain.UnitId;

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

    /** The Frigate instance whose stats are published on this topic, if any. */
    public Optional<FrigateSource> frigateByStatsTopic(String topic) {
        return frigate.stream().filter(f -> f.statsTopic().equals(topic)).findFirst();
    }

    /** The OpenALPR sites whose topic filter matches this topic. */
    public List<AlprSite> alprSitesOn(String topic) {
        return alprSites.stream().filter(s -> PeerTopics.matches(s.topicFilter(), topic)).toList();
    }

    /**
     * The heartbeat interval of the peer standing for this unit (the shortest, should several
     * peers stand for one unit), or empty when no peer does.
     */
    public Optional<Duration> heartbeatInterval(UnitId unit) {
        Optional<Duration> f = frigate.stream().filter(x -> x.unit().equals(unit)).map(FrigateSource::heartbeatInterval)
                .min(Duration::compareTo);
        Optional<Duration> a = alprSites.stream().filter(x -> x.unit().equals(unit)).map(AlprSite::heartbeatInterval)
                .min(Duration::compareTo);
        if (f.isPresent() && a.isPresent()) {
            return Optional.of(f.get().compareTo(a.get()) <= 0 ? f.get() : a.get());
        }
        return f.isPresent() ? f : a;
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
