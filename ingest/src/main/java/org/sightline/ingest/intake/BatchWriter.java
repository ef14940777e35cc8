package org.sightline.ingest.intake;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.sightline.ingest.read.adapter.db.EquipmentRegistry;
import org.sightline.ingest.read.adapter.db.ReadBatchStore;
import org.sightline.ingest.read.domain.CheckedRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intake's single writer: takes deliveries from the bounded queue in batches, writes each
 * batch in one transaction and acknowledges its messages only after the commit. A batch is written
 * when it is full, when the batch latency has passed, or as soon as no message arrived for 2 ms;
 * while one batch is written the next accumulates, so batches grow with the load. When the database
 * is unreachable it keeps the batch and retries with back-off; the queue then fills and the MQTT
 * callback blocks, so the broker holds further messages (backpressure, bounded memory). A batch the
 * database refuses for its content is split until the one bad message is found; that message is
 * dead-lettered with the database's reason and the rest are stored.
 */
public final class BatchWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);
    private static final long MAX_BACKOFF_MS = 5_000;
    // a gap this long in the stream ends a batch before it is full
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    // how often a batch being filled looks for more
    private static final long NAP_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final BlockingQueue<Delivery> queue;
    private final DataSource dataSource;
    private final EquipmentRegistry equipment;
    private final int batchSize;
    private final long lingerNanos;
    private final IntakeStats stats;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean acknowledging = true;
    private Connection connection;
    private ReadBatchStore store;
    private long lastFailureLogNanos = Long.MIN_VALUE / 2;

    public BatchWriter(BlockingQueue<Delivery> queue, DataSource dataSource, EquipmentRegistry equipment,
                       int batchSize, Duration linger, IntakeStats stats) {
        this.queue = queue;
        this.dataSource = dataSource;
        this.equipment = equipment;
        this.batchSize = batchSize;
        this.lingerNanos = linger.toNanos();
        this.stats = stats;
    }

    /** Asks the writer to stop after the batch in hand; what is not committed is not acknowledged. */
    public void stop() {
        stopping.countDown();
    }

    /** Stops acknowledging at once (a test's stand-in for a killed process). */
    public void stopAcknowledging() {
        acknowledging = false;
        stop();
    }

    private boolean isStopping() {
        return stopping.getCount() == 0;
    }

    @Override
    public void run() {
        List<Delivery> batch = new ArrayList<>(batchSize);
        try {
            while (!isStopping()) {
                Delivery first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + lingerNanos;
                queue.drainTo(batch, batchSize - batch.size());
                long lastArrival = System.nanoTime();
                // wait for more only while they keep coming: when the stream pauses (the broker's
                // window is used up, or the units are quiet) waiting longer only adds latency; the
                // writer looks every NAP rather than being woken for every message
                while (batch.size() < batchSize) {
                    long now = System.nanoTime();
                    long left = deadline - now;
                    if (left <= 0 || now - lastArrival >= QUIET_NANOS || isStopping()) {
                        break;
                    }
                    LockSupport.parkNanos(Math.min(left, NAP_NANOS));
                    if (queue.drainTo(batch, batchSize - batch.size()) > 0) {
                        lastArrival = System.nanoTime();
                    }
                }
                write(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeConnection();
        }
    }

    /** Writes the batch, retrying while the database is unreachable; false when stopped first. */
    private boolean write(List<Delivery> batch) throws InterruptedException {
        long backoffMs = 100;
        while (true) {
            try {
                List<Delivery> checked = checkEquipment(batch);
                ReadBatchStore.Outcome outcome = store().write(checked);
                stats.committed(checked.size(), outcome.stored(), outcome.duplicates(), outcome.deadLettered());
                long now = System.nanoTime();
                if (acknowledging) {
                    for (Delivery d : checked) {
                        d.acknowledge();
                    }
                }
                stats.listener().committed(checked, now);
                return true;
            } catch (SQLException | IOException | RuntimeException e) {
                stats.failed();
                if (!isTransient(e)) {
                    return split(batch, e);
                }
                logFailure("cannot write to the database, will retry (nothing is acknowledged meanwhile): " + e);
                closeConnection();
                if (stopping.await(backoffMs, TimeUnit.MILLISECONDS)) {
                    return false;
                }
                backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
            }
        }
    }

    private boolean split(List<Delivery> batch, Exception cause) throws InterruptedException {
        if (batch.size() > 1) {
            int half = batch.size() / 2;
            return write(new ArrayList<>(batch.subList(0, half))) && write(new ArrayList<>(batch.subList(half, batch.size())));
        }
        Delivery d = batch.get(0);
        boolean allBad = d.reads().stream().allMatch(r -> r instanceof CheckedRead.Bad);
        if (allBad) {
            // even the dead-letter row is refused: keep the message at the broker and say so loudly
            LOG.error("The database refuses the dead letter of a message on {}: {}; it stays unacknowledged", d.topic(), cause.toString());
            if (stopping.await(MAX_BACKOFF_MS, TimeUnit.MILLISECONDS)) {
                return false;
            }
            return write(batch);
        }
        String reason = "the database refused the read: " + cause.getMessage();
        List<CheckedRead> refused = new ArrayList<>();
        for (CheckedRead r : d.reads()) {
            refused.add(r instanceof CheckedRead.Good ? new CheckedRead.Bad(reason, d.payload()) : r);
        }
        return write(List.of(d.withReads(refused)));
    }

    private List<Delivery> checkEquipment(List<Delivery> batch) throws SQLException {
        List<Delivery> out = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            out.add(EquipmentCheck.apply(d, equipment));
        }
        return out;
    }

    private ReadBatchStore store() throws SQLException {
        if (connection == null) {
            connection = dataSource.getConnection();
            store = new ReadBatchStore(connection);
        }
        return store;
    }

    private boolean isTransient(Exception e) {
        if (e instanceof IOException) {
            return true;
        }
        if (e instanceof SQLException s) {
            String state = s.getSQLState();
            if (state == null || state.startsWith("08") || state.startsWith("53") || state.startsWith("57")
                    || state.startsWith("58") || state.startsWith("40") || state.equals("55P03")) {
                return true;
            }
            try {
                return connection == null || !connection.isValid(2);
            } catch (SQLException ignored) {
                return true;
            }
        }
        return false;
    }

    private void logFailure(String message) {
        long now = System.nanoTime();
        if (now - lastFailureLogNanos > TimeUnit.SECONDS.toNanos(10)) {
            LOG.warn(message);
            lastFailureLogNanos = now;
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already; the pool discards it
            }
        }
        connection = null;
        store = null;
    }
}
