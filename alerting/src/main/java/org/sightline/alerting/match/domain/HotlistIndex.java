package org.sightline.alerting.match.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.sightline.alerting.hotlist.domain.HotlistEntry;

/**
 * The matcher: an index of hotlist entries by canonical plate keys, so that the cost of matching a
 * read does not depend on how many entries there are.
 *
 * <p>Keys (each a base-37 number of at most ten characters, tagged):
 * <ul>
 *   <li>for a UK-format entry, its <em>class key</em> (every character replaced by its OCR class
 *       representative), and, when a free edit is allowed, the class keys of its one-character
 *       deletions (a deletion neighbourhood);</li>
 *   <li>for any other entry (foreign, or a shape the UK never issued), its exact text: such
 *       plates are matched exactly only.</li>
 * </ul>
 * A read looks up its own keys and its one-character deletions: about 2n + 3 probes for an
 * n-character reading, whatever the size of the list. Every candidate is then checked and
 * explained by {@link PlateComparison}, the single place that accepts a match.
 *
 * <p>Thread-safe: lookups share a read lock, changes take the write lock.
 */
public final class HotlistIndex {

    private static final long TAG_CLASS = 1L << 56;
    private static final long TAG_EXACT = 2L << 56;
    private static final long TAG_DELETION = 3L << 56;

    private final MatchSettings settings;
    private final UkPlateGrammar grammar = new UkPlateGrammar();
    private final PlateComparison comparison;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final LongIntMultiMap keys;
    private final Map<UUID, Integer> slotById = new HashMap<>();
    private HotlistEntry[] entries;
    private PlateFormat[] formats;
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int nextSlot;

    /**
     * @param settings how readings are compared with listed plates
     * @param expectedEntries a sizing hint
     */
    public HotlistIndex(MatchSettings settings, int expectedEntries) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.comparison = new PlateComparison(settings, grammar);
        int n = Math.max(16, expectedEntries);
        this.entries = new HotlistEntry[n];
        this.formats = new PlateFormat[n];
        this.keys = new LongIntMultiMap(n * (settings.maxFreeEdits() > 0 ? 8 : 1));
    }

    /** The settings in force. */
    public MatchSettings settings() {
        return settings;
    }

    /** Number of entries held. */
    public int size() {
        lock.readLock().lock();
        try {
            return slotById.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds an entry, replacing one with the same id. */
    public void put(HotlistEntry entry) {
        lock.writeLock().lock();
        try {
            removeLocked(entry.id());
            int slot = freeCount > 0 ? freeSlots[--freeCount] : nextSlot++;
            if (slot >= entries.length) {
                entries = Arrays.copyOf(entries, entries.length * 2);
                formats = Arrays.copyOf(formats, formats.length * 2);
            }
            String plate = entry.plate().value();
            PlateFormat format = grammar.formatOf(plate);
            entries[slot] = entry;
            formats[slot] = format;
            slotById.put(entry.id(), slot);
            forEachKey(plate, format, key -> keys.put(key, slot));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds many entries. */
    public void putAll(Collection<HotlistEntry> all) {
        for (HotlistEntry e : all) {
            put(e);
        }
    }

    /** Removes an entry; returns false when it was not held. */
    public boolean remove(UUID entryId) {
        lock.writeLock().lock();
        try {
            return removeLocked(entryId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Finds the entries a read may be, best match per entry, best first (grade, then priority).
     *
     * @param read the unit's readings
     * @param at the time of the read: only entries live then match
     * @return the matches, possibly empty
     */
    public List<Match> match(ReadCandidates read, Instant at) {
        lock.readLock().lock();
        try {
            Map<UUID, Match> best = new HashMap<>(4);
            collect(read.primary(), false, at, best);
            if (settings.consultsAlternatives(read.primary().confidence()) && !read.alternatives().isEmpty()) {
                // the engine's runner-up only: where the first reading was wrong it is usually the
                // right one, and every further look-alike is one more chance to meet a listed plate
                PlateReading runnerUp = read.alternatives().get(0);
                for (PlateReading alt : read.alternatives()) {
                    if (alt.confidence() > runnerUp.confidence()) {
                        runnerUp = alt;
                    }
                }
                collect(runnerUp, true, at, best);
            }
            if (best.isEmpty()) {
                return List.of();
            }
            List<Match> out = new ArrayList<>(best.values());
            out.sort((a, b) -> a.grade() != b.grade() ? a.grade().compareTo(b.grade())
                    : Integer.compare(b.entry().priority(), a.entry().priority()));
            return out;
        } finally {
            lock.readLock().unlock();
        }
    }

    private void collect(PlateReading reading, boolean alternative, Instant at, Map<UUID, Match> best) {
        String plate = reading.plate();
        int[] candidates = new int[8];
        int[] count = {0};
        java.util.function.IntConsumer add = slot -> {
            for (int i = 0; i < count[0]; i++) {
                if (candidates[i] == slot) {
                    return;
                }
            }
            if (count[0] < candidates.length) {
                candidates[count[0]++] = slot;
            } else {
                check(reading, alternative, at, best, slot);
            }
        };
        keys.forEach(TAG_EXACT | encode(plate, -1, false), add);
        long whole = encode(plate, -1, true);
        if (settings.maxFreeEdits() > 0) {
            // its class key, and (the reading lacks a character) one of an entry's deletions
            keys.forEach(TAG_CLASS | whole, TAG_DELETION | whole, add);
            for (int skip = 0; skip < plate.length() && plate.length() > 1; skip++) {
                if (skip > 0 && sameClass(plate.charAt(skip), plate.charAt(skip - 1))) {
                    continue;
                }
                long deleted = encode(plate, skip, true);
                // the reading has an extra character, or one character is substituted (both lose it)
                keys.forEach(TAG_CLASS | deleted, TAG_DELETION | deleted, add);
            }
        } else {
            keys.forEach(TAG_CLASS | whole, add);
        }
        for (int i = 0; i < count[0]; i++) {
            check(reading, alternative, at, best, candidates[i]);
        }
    }

    private void check(PlateReading reading, boolean alternative, Instant at, Map<UUID, Match> best, int slot) {
        HotlistEntry entry = entries[slot];
        if (entry == null || !entry.isLiveAt(at)) {
            return;
        }
        List<Edit> edits = comparison.compare(reading.plate(), entry.plate().value(), formats[slot]);
        if (edits == null) {
            return;
        }
        MatchGrade grade = edits.isEmpty() ? MatchGrade.EXACT
                : edits.stream().anyMatch(Edit::free) ? MatchGrade.ONE_EDIT : MatchGrade.OCR_EQUIVALENT;
        Match m = new Match(entry, grade, reading, alternative, edits);
        best.merge(entry.id(), m, (old, neu) -> neu.betterThan(old) ? neu : old);
    }

    private boolean removeLocked(UUID id) {
        Integer slot = slotById.remove(id);
        if (slot == null) {
            return false;
        }
        HotlistEntry old = entries[slot];
        forEachKey(old.plate().value(), formats[slot], key -> keys.remove(key, slot));
        entries[slot] = null;
        formats[slot] = null;
        if (freeCount == freeSlots.length) {
            freeSlots = Arrays.copyOf(freeSlots, freeSlots.length * 2);
        }
        freeSlots[freeCount++] = slot;
        return true;
    }

    private void forEachKey(String plate, PlateFormat format, java.util.function.LongConsumer sink) {
        if (format == null) {
            sink.accept(TAG_EXACT | encode(plate, -1, false));
            return;
        }
        sink.accept(TAG_CLASS | encode(plate, -1, true));
        if (settings.maxFreeEdits() > 0 && plate.length() > 1) {
            for (int skip = 0; skip < plate.length(); skip++) {
                if (skip > 0 && sameClass(plate.charAt(skip), plate.charAt(skip - 1))) {
                    continue; // deleting either of two equal neighbours gives the same key
                }
                sink.accept(TAG_DELETION | encode(plate, skip, true));
            }
        }
    }

    private boolean sameClass(char a, char b) {
        return settings.confusions().confusable(a, b);
    }

    /** Base-37 number of the plate (optionally without one position), by class or exact. */
    private long encode(String plate, int skip, boolean byClass) {
        long key = 0;
        for (int i = 0; i < plate.length(); i++) {
            if (i == skip) {
                continue;
            }
            char c = byClass ? settings.confusions().canonical(plate.charAt(i)) : plate.charAt(i);
            key = key * 37 + 1 + PlateFormat.bit(c);
        }
        return key;
    }
}
