package org.sightline.alerting.match.domain;

import java.util.function.IntConsumer;

/**
 * Open-addressing multimap from non-zero {@code long} keys to {@code int} values (linear probing,
 * tombstones on removal). Compact and allocation-free on lookup: the matcher's index of plate keys.
 * Not thread-safe.
 */
final class LongIntMultiMap {

    private static final long EMPTY = 0L;
    private static final long TOMBSTONE = Long.MIN_VALUE;
    /** Bits below the tag. */
    static final long TAG_FREE = (1L << 56) - 1;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;
    private int used;

    LongIntMultiMap(int expected) {
        allocate(capacityFor(expected));
    }

    int size() {
        return size;
    }

    /** Adds a pair (duplicates of the same pair are allowed and kept). */
    void put(long key, int value) {
        if (key == EMPTY || key == TOMBSTONE) {
            throw new IllegalArgumentException("reserved key");
        }
        if (used + 1 > (mask + 1) / 2) {
            rehash(capacityFor(size + 1));
        }
        int i = slot(key);
        while (keys[i] != EMPTY && keys[i] != TOMBSTONE) {
            i = (i + 1) & mask;
        }
        if (keys[i] == EMPTY) {
            used++;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    /** Removes one copy of the pair; returns false when absent. */
    boolean remove(long key, int value) {
        int i = slot(key);
        while (keys[i] != EMPTY) {
            if (keys[i] == key && values[i] == value) {
                keys[i] = TOMBSTONE;
                size--;
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Calls the consumer with every value stored under the key. */
    void forEach(long key, IntConsumer consumer) {
        int i = slot(key);
        long k;
        while ((k = keys[i]) != EMPTY) {
            if (k == key) {
                consumer.accept(values[i]);
            }
            i = (i + 1) & mask;
        }
    }

    /**
     * Calls the consumer with every value stored under either key. The two keys must differ only
     * in bits 56 and up (the tag), which the home slot ignores: both are found in one pass over
     * one stretch of the table, costing one cache miss instead of two.
     */
    void forEach(long keyA, long keyB, IntConsumer consumer) {
        int i = slot(keyA);
        long k;
        while ((k = keys[i]) != EMPTY) {
            if (k == keyA || k == keyB) {
                consumer.accept(values[i]);
            }
            i = (i + 1) & mask;
        }
    }

    private int slot(long key) {
        // murmur3 finaliser over the untagged part: plate keys are dense base-37 numbers, and keys
        // that differ only by tag share a home slot (see the two-key forEach)
        long h = key & TAG_FREE;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h & mask;
    }

    private static int capacityFor(int entries) {
        int c = 16;
        while (c < entries * 2L + 2) {
            c <<= 1;
        }
        return c;
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        mask = capacity - 1;
        size = 0;
        used = 0;
    }

    private void rehash(int capacity) {
        long[] oldKeys = keys;
        int[] oldValues = values;
        // grow by at least double so that a mix of adds and removes does not rehash every time
        allocate(Math.max(capacity, oldKeys.length * (size * 4 > oldKeys.length ? 2 : 1)));
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldKeys[i] != TOMBSTONE) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
