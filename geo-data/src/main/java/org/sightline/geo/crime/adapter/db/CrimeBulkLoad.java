package org.sightline.geo.crime.adapter.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;

/**
 * One bulk load of crime records (see {@link CrimeStore#begin(String)}). Each row's key is a hash
 * of its content plus how many identical rows came before it in the same file, so two identical
 * anti-social behaviour reports stay two rows while a second import of the same file adds none.
 * Rows are handed to a writer thread that hashes, encodes and streams them to the database, so
 * reading overlaps with sending. Files may be read in parallel, each through its own
 * {@link #file(String)} sink; the load's own {@link #accept} and {@link #finish()} belong to the
 * thread that began it. Close it (after {@link #finish()} or on failure).
 */
public final class CrimeBulkLoad implements Consumer<CrimeRecord>, AutoCloseable {

    private static final int BATCH = 2048;
    private static final Batch END = new Batch(List.of(), -1, null, true);

    private final StagedCopy copy;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(32);
    private final Thread writer;
    private volatile Throwable failure;
    private final java.util.concurrent.atomic.AtomicLong accepted = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger sinks = new java.util.concurrent.atomic.AtomicInteger();
    private FileSink current;
    private boolean ended;

    CrimeBulkLoad(StagedCopy copy, String source) {
        this.copy = copy;
        this.current = new FileSink(source);
        this.writer = new Thread(new Writer(copy), "crime-copy-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * A sink for the rows of one file, labelled {@code source}; identical rows are numbered within
     * it. Use each sink from one thread and close it when its file ends; different sinks may be
     * used from different threads at once.
     */
    public FileSink file(String source) {
        return new FileSink(source);
    }

    /** Ends the rows given to {@link #accept} so far as one file and starts another, labelled {@code source}. */
    public void nextFile(String source) {
        current.close();
        current = new FileSink(source);
    }

    @Override
    public void accept(CrimeRecord r) {
        current.accept(r);
    }

    /**
     * Moves the rows into {@code geo_crime} and commits; returns the rows newly stored plus stored
     * rows whose outcome changed (police.uk revises outcomes when it republishes a month).
     */
    public long finish() {
        current.close();
        endWriter();
        try {
            return copy.finish(connection -> new CrimeMove(copy.stage(), copy.rowsStaged()).apply(connection));
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot store crimes", e);
        }
    }

    /** Rows handed to this load so far. */
    public long rowsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        try {
            if (!ended) {
                queue.clear();
                endWriter();
            }
        } catch (StoreException e) {
            // the load is being abandoned; its failure was or will be reported by the caller
        } finally {
            copy.close();
        }
    }

    private void enqueue(Batch b) {
        rethrow();
        try {
            queue.put(b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while loading crimes", e);
        }
    }

    private void endWriter() {
        ended = true;
        try {
            queue.put(END);
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while loading crimes", e);
        }
        rethrow();
    }

    private void rethrow() {
        Throwable f = failure;
        if (f != null) {
            throw f instanceof StoreException se ? se : new StoreException("cannot stream crime rows to the database", f);
        }
    }

    /** Rows of one sink; {@code last} marks the sink's final batch. */
    private record Batch(List<CrimeRecord> rows, int sink, String source, boolean last) {
    }

    /** The rows of one file; see {@link #file(String)}. */
    public final class FileSink implements Consumer<CrimeRecord>, AutoCloseable {
        private final int id = sinks.incrementAndGet();
        private final String source;
        private List<CrimeRecord> pending = new ArrayList<>(BATCH);
        private boolean closed;

        private FileSink(String source) {
            this.source = source;
        }

        @Override
        public void accept(CrimeRecord r) {
            pending.add(r);
            accepted.incrementAndGet();
            if (pending.size() == BATCH) {
                enqueue(new Batch(pending, id, source, false));
                pending = new ArrayList<>(BATCH);
            }
        }

        /** Sends the file's last rows. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                enqueue(new Batch(pending, id, source, true));
                pending = List.of();
            }
        }
    }

    /** Runs on the writer thread: keys, encodes and streams rows until {@link #END}. */
    private final class Writer implements Runnable {
        private final StagedCopy out;
        private final MessageDigest sha256;
        private final Map<Integer, Map<UUID, Integer>> occurrencesBySink = new HashMap<>();

        Writer(StagedCopy out) {
            this.out = out;
            try {
                this.sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is required by the Java platform", e);
            }
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Batch b = queue.take();
                    if (b == END) {
                        return;
                    }
                    Map<UUID, Integer> occurrences = occurrencesBySink.computeIfAbsent(b.sink(), k -> new HashMap<>());
                    for (CrimeRecord r : b.rows()) {
                        write(r, b.source(), occurrences);
                    }
                    if (b.last()) {
                        occurrencesBySink.remove(b.sink());
                    }
                }
            } catch (Throwable t) {
                failure = t;
                // keep draining so the producer never blocks on a full queue
                drain();
            }
        }

        private void drain() {
            try {
                while (queue.take() != END) {
                    // discard
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void write(CrimeRecord r, String source, Map<UUID, Integer> occurrences) throws IOException {
            out.text(rowKey(r, occurrences).toString())
                    .text(r.crimeId())
                    .text(r.month().atDay(1).toString())
                    .text(r.reportedBy())
                    .text(r.crimeType())
                    .text(r.location())
                    .text(r.lsoaCode())
                    .text(r.lsoaName())
                    .text(r.outcome())
                    .text(source)
                    .geometry(Wgs84.point(r.position()));
            out.endRow();
        }

        private UUID rowKey(CrimeRecord r, Map<UUID, Integer> occurrences) {
            // the outcome is left out: a republished month with a revised outcome updates the row
            String content = r.month() + "|" + r.crimeId() + "|" + r.reportedBy() + "|" + r.crimeType() + "|"
                    + r.position().lonDegrees() + "|" + r.position().latDegrees() + "|" + r.location() + "|"
                    + r.lsoaCode() + "|" + r.lsoaName();
            UUID base = digest(content);
            int seen = occurrences.merge(base, 1, Integer::sum) - 1;
            return seen == 0 ? base : digest(content + "#" + seen);
        }

        private UUID digest(String text) {
            byte[] h = sha256.digest(text.getBytes(StandardCharsets.UTF_8));
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = (hi << 8) | (h[i] & 0xff);
                lo = (lo << 8) | (h[i + 8] & 0xff);
            }
            return new UUID(hi, lo);
        }
    }
}
