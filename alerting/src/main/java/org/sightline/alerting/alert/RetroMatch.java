package org.sightline.alerting.alert;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.sightline.alerting.hotlist.HotlistListener;
import org.sightline.alerting.hotlist.adapter.db.HotlistStore;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.match.domain.HotlistIndex;
import org.sightline.alerting.match.domain.OcrConfusions;
import org.sightline.alerting.read.domain.IncomingRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks new hotlist entries against the reads stored in the access window ({@code retro-window},
 * 90 days by default) and raises "historic hit" alerts. Candidate reads are found through
 * ingest's plate index with every OCR-class spelling of the plate (up to {@link #MAX_VARIANTS}),
 * then confirmed by the same matcher as live reads, holding only the new entries. Free-edit
 * matches (a dropped character, a letter among the digits) are live-only: the stored reads are
 * looked up by whole plate. Runs in the background, one batch at a time.
 */
@Singleton
public class RetroMatch implements HotlistListener {

    /** Most spellings looked up per entry. */
    static final int MAX_VARIANTS = 256;
    private static final Logger LOG = LoggerFactory.getLogger(RetroMatch.class);

    private final AlertStore store;
    private final HotlistStore hotlists;
    private final AlertEngine engine;
    private final AlertingProperties config;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alerting-retro-match");
        t.setDaemon(true);
        return t;
    });

    public RetroMatch(AlertStore store, HotlistStore hotlists, AlertEngine engine, AlertingProperties config) {
        this.store = store;
        this.hotlists = hotlists;
        this.engine = engine;
        this.config = config;
    }

    @Override
    public void entriesAdded(List<HotlistEntry> entries) {
        submit(entries);
    }

    /** Queues a retro-match; the future gives the number of historic hits. */
    public Future<Integer> submit(List<HotlistEntry> entries) {
        List<HotlistEntry> copy = List.copyOf(entries);
        return executor.submit(() -> {
            try {
                return run(copy, Instant.now());
            } catch (SQLException | RuntimeException e) {
                LOG.warn("retro-match of {} new entries failed: {}", copy.size(), e.toString());
                return -1;
            }
        });
    }

    /**
     * Checks every entry of one import against the stored reads, a page of entries at a time, in
     * the calling thread (the command-line import waits for it).
     *
     * @return the historic hits stored
     */
    public int runImport(UUID importId) throws SQLException {
        int hits = 0;
        UUID after = new UUID(0, 0);
        List<HotlistEntry> page;
        do {
            page = hotlists.entriesOfImport(importId, after, 5_000);
            if (!page.isEmpty()) {
                hits += run(page, Instant.now());
                after = page.get(page.size() - 1).id();
            }
        } while (page.size() == 5_000);
        return hits;
    }

    /** Matches the entries against stored reads since {@code now - retro-window}; returns the hits stored. */
    int run(List<HotlistEntry> entries, Instant now) throws SQLException {
        if (config.retroWindow().isZero() || entries.isEmpty()) {
            return 0;
        }
        OcrConfusions confusions = config.matchSettings().confusions();
        HotlistIndex index = new HotlistIndex(config.matchSettings(), entries.size());
        index.putAll(entries);
        int hits = 0;
        for (int from = 0; from < entries.size(); from += 500) {
            Set<String> spellings = new LinkedHashSet<>();
            for (HotlistEntry e : entries.subList(from, Math.min(entries.size(), from + 500))) {
                spellings.addAll(spellings(e.plate().value(), confusions));
            }
            List<IncomingRead> reads = storedReads(spellings, now.minus(config.retroWindow()));
            for (int i = 0; i < reads.size(); i += 200) {
                // the entries are judged as they are now, not as they were when the read was taken
                hits += (int) engine.process(reads.subList(i, Math.min(reads.size(), i + 200)), true,
                                (candidates, capturedAt) -> index.match(candidates, now))
                        .stream().filter(o -> !o.duplicate()).count();
            }
        }
        return hits;
    }

    /** Every spelling of the plate that differs only by OCR-class characters (capped). */
    static List<String> spellings(String plate, OcrConfusions confusions) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (char c : plate.toCharArray()) {
            String members = confusions.classes().stream().filter(k -> k.indexOf(c) >= 0).findFirst()
                    .orElse(String.valueOf(c));
            if (out.size() * members.length() > MAX_VARIANTS) {
                members = String.valueOf(c);
            }
            List<String> next = new ArrayList<>(out.size() * members.length());
            for (String prefix : out) {
                for (char m : members.toCharArray()) {
                    next.add(prefix + m);
                }
            }
            out = next;
        }
        return out;
    }

    private List<IncomingRead> storedReads(Set<String> plates, Instant since) throws SQLException {
        List<IncomingRead> out = new ArrayList<>();
        try (Connection c = store.connect(); PreparedStatement st = c.prepareStatement(
                "SELECT read_id, unit_id, camera_id, plate, plate_as_read, confidence, captured_at, ST_X(geom), ST_Y(geom)"
                        + " FROM plate_read WHERE plate = ANY (?) AND captured_at >= ? ORDER BY captured_at")) {
            Array array = c.createArrayOf("text", plates.toArray());
            st.setArray(1, array);
            st.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new IncomingRead(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getDouble(6), rs.getTimestamp(7).toInstant(),
                            Optional.of(rs.getDouble(8)), Optional.of(rs.getDouble(9)), List.of()));
                }
            }
        } catch (SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return List.of(); // ingest is not installed: nothing stored to look back on
            }
            throw e;
        }
        return out;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
