package org.sightline.geo.crime.adapter.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.db.BinaryCopyRows;
import org.sightline.geo.db.BinaryCopyStream;
import org.sightline.geo.db.StoreException;

/**
 * One bulk load of crime records (see {@link CrimeStore#begin(String)}), in one transaction that
 * {@link #finish()} commits; closing without finishing stores nothing.
 *
 * <p>Rows go to the database by binary {@code COPY}. Into an empty {@code geo_crime} (the first
 * import, a benchmark) they are copied straight into the table with its indexes dropped, and the
 * primary key and indexes are built once at the end; the table is held exclusively meanwhile.
 * Otherwise they are copied into a staging table and moved (see {@link CrimeMove}). Either way a
 * re-import of the same file stores nothing new and revised outcomes update the stored rows.
 *
 * <p>Files may be read in parallel, each through its own {@link #file(String)} sink, which keys and
 * encodes its rows on the reading thread; a writer thread streams the encoded chunks, so reading
 * overlaps with the server's work. The load's own {@link #accept}, {@link #nextFile} and
 * {@link #finish()} belong to the thread that began it.
 */
public final class CrimeBulkLoad implements Consumer<CrimeRecord>, AutoCloseable {

    private static final int CHUNK_BYTES = 1 << 18;
    private static final byte[] END = new byte[0];

    private final Connection connection;
    private final CrimeLoadTarget target;
    private final BinaryCopyStream copy;
    private final BlockingQueue<byte[]> queue = new ArrayBlockingQueue<>(16);
    private final Thread writer;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicInteger openSinks = new AtomicInteger();
    private final long began = System.nanoTime();
    private volatile Throwable failure;
    private volatile boolean abandoned;
    private FileSink current;
    private boolean writerEnded;
    private boolean finished;
    private Phases phases;

    private CrimeBulkLoad(Connection connection, CrimeLoadTarget target, BinaryCopyStream copy, String source) {
        this.connection = connection;
        this.target = target;
        this.copy = copy;
        this.current = new FileSink(source);
        this.writer = new Thread(this::writeChunks, "crime-copy-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Starts a load on {@code connection}, which the load owns and closes. */
    static CrimeBulkLoad open(Connection connection, String source) throws SQLException {
        try {
            connection.setAutoCommit(false);
            CrimeLoadTarget target;
            try (Statement st = connection.createStatement()) {
                target = CrimeLoadTarget.choose(st);
            }
            return new CrimeBulkLoad(connection, target, BinaryCopyStream.open(connection, target.table(), CrimeStore.COLUMNS),
                    source);
        } catch (SQLException | RuntimeException e) {
            rollbackAndClose(connection);
            throw e;
        }
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
     * Stores the rows and commits; returns the rows newly stored plus stored rows whose outcome
     * changed (police.uk revises outcomes when it republishes a month). Every sink must be closed.
     */
    public long finish() {
        current.close();
        if (openSinks.get() != 0) {
            throw new IllegalStateException(openSinks.get() + " file sinks are still open");
        }
        endWriter();
        try {
            long copied = copy.end();
            long streamed = System.nanoTime();
            long stored = target.store(connection, copied);
            connection.commit();
            finished = true;
            phases = new Phases(target.emptyTable(), Duration.ofNanos(streamed - began), Duration.ofNanos(System.nanoTime() - streamed));
            return stored;
        } catch (SQLException e) {
            throw new StoreException("cannot store crimes", e);
        }
    }

    /** How long the finished load spent in each phase; empty before {@link #finish()} succeeds. */
    public Optional<Phases> phases() {
        return Optional.ofNullable(phases);
    }

    /** Rows handed to this load so far. */
    public long rowsAccepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        try {
            if (!writerEnded) {
                abandoned = true;
                queue.clear();
                endWriter();
            }
        } catch (StoreException e) {
            // the load is being abandoned; its failure was or will be reported by the caller
        } finally {
            if (!finished) {
                copy.cancel();
            }
            rollbackAndClose(connection);
        }
    }

    /**
     * Where a load went and how long it took: {@code streaming} from the start to the last row
     * copied (reading and parsing overlap with it), {@code storing} for moving rows into the table
     * and building its key and indexes.
     */
    public record Phases(boolean emptyTable, Duration streaming, Duration storing) {
    }

    private void enqueue(byte[] chunk) {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                rethrow();
                if (abandoned) {
                    throw new StoreException("the crime load was abandoned", null);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while loading crimes", e);
        }
        rethrow();
    }

    private void endWriter() {
        writerEnded = true;
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

    /** The writer thread: streams chunks until {@link #END}; after a failure it only drains. */
    private void writeChunks() {
        try {
            for (byte[] chunk = queue.take(); chunk != END; chunk = queue.take()) {
                if (failure == null) {
                    try {
                        copy.write(chunk, chunk.length);
                    } catch (SQLException | RuntimeException e) {
                        failure = e;
                    }
                }
            }
        } catch (InterruptedException e) {
            failure = e;
            Thread.currentThread().interrupt();
        }
    }

    private static void rollbackAndClose(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is being discarded; the rollback is best effort
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful can be done with a failure to close
        }
    }

    /** The rows of one file; see {@link #file(String)}. */
    public final class FileSink implements Consumer<CrimeRecord>, AutoCloseable {
        private final CrimeRowEncoder encoder;
        private final BinaryCopyRows rows = new BinaryCopyRows(CHUNK_BYTES + 1024);
        private boolean closed;

        private FileSink(String source) {
            this.encoder = new CrimeRowEncoder(source);
            openSinks.incrementAndGet();
        }

        @Override
        public void accept(CrimeRecord r) {
            encoder.encode(r, rows);
            accepted.incrementAndGet();
            if (rows.size() >= CHUNK_BYTES) {
                enqueue(rows.toByteArray());
                rows.clear();
            }
        }

        /** Sends the file's last rows. */
        @Override
        public void close() {
            if (!closed) {
                closed = true;
                openSinks.decrementAndGet();
                if (rows.size() > 0) {
                    enqueue(rows.toByteArray());
                    rows.clear();
                }
            }
        }
    }
}
