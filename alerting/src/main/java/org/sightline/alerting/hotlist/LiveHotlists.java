package org.sightline.alerting.hotlist;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.hotlist.adapter.db.HotlistStore;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.match.domain.HotlistIndex;
import org.sightline.alerting.match.domain.Match;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * The matcher as the running service holds it: loaded from the database on first use and kept in
 * step by {@link HotlistService} as entries are added and removed. Thread-safe.
 */
@Singleton
public class LiveHotlists {

    private final HotlistStore store;
    private final AlertingProperties config;
    private volatile HotlistIndex index;
    private final AtomicReference<Map<String, Hotlist>> lists = new AtomicReference<>();

    public LiveHotlists(HotlistStore store, AlertingProperties config) {
        this.store = store;
        this.config = config;
    }

    /** Matches a read against every live entry. */
    public List<Match> match(ReadCandidates read, Instant at) {
        return index().match(read, at);
    }

    /** The list with this code, or null when it does not exist. */
    public Hotlist list(String code) {
        Map<String, Hotlist> l = lists.get();
        if (l == null) {
            l = store.lists();
            lists.set(l);
        }
        return l.get(code);
    }

    /** Number of entries the matcher holds. */
    public int size() {
        return index().size();
    }

    void added(List<HotlistEntry> entries) {
        HotlistIndex i = index();
        entries.forEach(i::put);
    }

    void removed(UUID id) {
        index().remove(id);
    }

    void listsChanged() {
        lists.set(null);
    }

    private HotlistIndex index() {
        HotlistIndex i = index;
        if (i == null) {
            synchronized (this) {
                i = index;
                if (i == null) {
                    List<HotlistEntry> all = store.unexpired(Instant.now());
                    i = new HotlistIndex(config.matchSettings(), Math.max(1024, all.size() * 2));
                    i.putAll(all);
                    index = i;
                }
            }
        }
        return i;
    }
}
