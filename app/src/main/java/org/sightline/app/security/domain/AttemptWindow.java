package org.sightline.app.security.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (a client address) in a sliding window and says when a key has used up
 * its allowance. Memory is bounded: keys whose attempts have all left the window are dropped.
 */
public final class AttemptWindow {

    private final int maxAttempts;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    /**
     * @param maxAttempts attempts allowed per key within the window (at least 1)
     * @param window the sliding window
     */
    public AttemptWindow(int maxAttempts, Duration window) {
        if (maxAttempts < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 and window positive");
        }
        this.maxAttempts = maxAttempts;
        this.window = window;
    }

    /** Records an attempt at {@code now}; false when the key had already used up its allowance. */
    public boolean tryAcquire(String key, Instant now) {
        Instant cutoff = now.minus(window);
        boolean[] allowed = {false};
        attempts.compute(key, (k, times) -> {
            Deque<Instant> t = times == null ? new ArrayDeque<>() : times;
            while (!t.isEmpty() && !t.peekFirst().isAfter(cutoff)) {
                t.pollFirst();
            }
            if (t.size() < maxAttempts) {
                t.addLast(now);
                allowed[0] = true;
            }
            return t;
        });
        if (attempts.size() > 10_000) {
            evictIdle(cutoff);
        }
        return allowed[0];
    }

    private void evictIdle(Instant cutoff) {
        for (Iterator<Map.Entry<String, Deque<Instant>>> it = attempts.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Deque<Instant>> e = it.next();
            synchronized (e.getValue()) {
                Instant last = e.getValue().peekLast();
                if (last == null || !last.isAfter(cutoff)) {
                    it.remove();
                }
            }
        }
    }
}
