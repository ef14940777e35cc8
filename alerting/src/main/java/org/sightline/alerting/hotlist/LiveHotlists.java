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
 * step by {@link HotlistService} as entries are added and removed here, and by the change
 * notifications of other processes ({@code HotlistChanges}). Thread-safe.
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

    /** Adds entries committed by this service (idempotent: an entry replaces itself). */
    synchronized void added(List<HotlistEntry> entries) {
        HotlistIndex i = index();
        entries.forEach(i::put);
    }

    /** Removes an entry (nothing when it is not held). */
    public synchronized void removed(UUID id) {
        HotlistIndex i = index;
        if (i != null) {
            i.remove(id);
        }
    }

    /**
     * Loads the entries of an import committed elsewhere (another service, the command-line
     * import). Nothing to do while the matcher is not loaded yet: it loads everything on first use.
     *
     * @return the entries added
     */
    public synchronized int addedImport(UUID importId) {
        HotlistIndex i = index;
        if (i == null) {
            return 0;
        }
        int n = 0;
        UUID after = new UUID(0, 0);
        List<HotlistEntry> page;
        do {
            page = store.entriesOfImport(importId, after, 10_000);
            for (HotlistEntry e : page) {
                if (e.expiresAt().isAfter(Instant.now())) {
                    i.put(e);
                    n++;
                }
                after = e.id();
            }
        } while (page.size() == 10_000);
        return n;
    }

    /**
     * Loads every entry afresh and swaps the matcher (after changes may have been missed, e.g.
     * while the database connection was down). Matching goes on with the old one meanwhile;
     * changes made here wait for the swap, so none is lost.
     */
    public synchronized void reload() {
        if (index != null) {
            index = load();
        }
        lists.set(null);
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
                    i = load();
                    index = i;
                }
            }
        }
        return i;
    }

    private HotlistIndex load() {
        List<HotlistEntry> all = store.unexpired(Instant.now());
        HotlistIndex i = new HotlistIndex(config.matchSettings(), Math.max(1024, all.size() * 2));
        i.putAll(all);
        return i;
    }
}
