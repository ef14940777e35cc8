package org.sightline.ingest.intake;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Running totals of one intake, readable from any thread. */
public final class IntakeStats {

    /** Told about every committed batch, on the writer thread; must be quick and must not throw. */
    @FunctionalInterface
    public interface CommitListener {
        void committed(List<Delivery> batch, long committedNanos);
    }

    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong messagesCommitted = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong connectionLosses = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile CommitListener listener = (b, t) -> { };

    public void received() {
        messages.incrementAndGet();
    }

    void committed(int messageCount, int storedReads, int duplicateReads, int deadLetters) {
        messagesCommitted.addAndGet(messageCount);
        stored.addAndGet(storedReads);
        duplicates.addAndGet(duplicateReads);
        deadLettered.addAndGet(deadLetters);
        batches.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    /** A connection to the broker was made (and the subscription asked for). */
    public void connected() {
        connections.incrementAndGet();
    }

    /** A connection to the broker was lost or refused. */
    public void connectionLost() {
        connectionLosses.incrementAndGet();
    }

    /** Messages handed to the writer. */
    public long messages() {
        return messages.get();
    }

    /** Messages whose reads (or dead letters) are committed. */
    public long messagesCommitted() {
        return messagesCommitted.get();
    }

    /**
     * Messages received and not yet committed: what this instance holds in memory (its queue and
     * the batch in hand). The intake's receive-maximum bounds it, whatever the database does.
     */
    public long messagesHeld() {
        return messages.get() - messagesCommitted.get();
    }

    /** Reads stored for the first time. */
    public long stored() {
        return stored.get();
    }

    /** Reads whose read id was already stored. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Dead-letter rows written. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Transactions committed. */
    public long batches() {
        return batches.get();
    }

    /** Write attempts that failed (and were retried or split). */
    public long failures() {
        return failures.get();
    }

    /** Connections to the broker made since the start. */
    public long connections() {
        return connections.get();
    }

    /** Connections to the broker lost, or attempts refused, since the start. */
    public long connectionLosses() {
        return connectionLosses.get();
    }

    public CommitListener listener() {
        return listener;
    }

    /** Replaces the commit listener (the benchmark measures publish-to-commit latency with it). */
    public void setListener(CommitListener listener) {
        this.listener = listener == null ? (b, t) -> { } : listener;
    }

    @Override
    public String toString() {
        return "messages=" + messages + " stored=" + stored + " duplicates=" + duplicates
                + " deadLettered=" + deadLettered + " batches=" + batches + " failures=" + failures
                + " connections=" + connections + " connectionLosses=" + connectionLosses;
    }
}
