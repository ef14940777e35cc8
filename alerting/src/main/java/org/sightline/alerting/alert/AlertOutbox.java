package org.sightline.alerting.alert;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.adapter.db.AlertOutboxStore;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the MQTT outbox: every committed alert event marked for other systems, whoever
 * committed it (this service, another instance, the command-line import's retro-match, a service
 * that crashed before it published), in event order, at least once. One thread; it wakes on this
 * service's own commits ({@link AlertSignal}, the fast path), on other processes' commits (NOTIFY,
 * through {@code AlertOutboxWakeups}), at start-up and every {@code outbox-poll}. An event is
 * marked published only after the broker's PUBACK; one instance publishes at a time.
 */
@Context
@Requires(property = "sightline.alerting.listen", value = "true", defaultValue = "true")
@Requires(beans = AlertOutbound.class)
public class AlertOutbox {

    /** Most events published per transaction. */
    static final int BATCH = 100;
    private static final long ACK_TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(AlertOutbox.class);

    private final AlertOutboxStore store;
    private final AlertOutbound outbound;
    private final AlertSignal signal;
    private final AlertingProperties config;
    private final Semaphore wake = new Semaphore(0);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong drains = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private AutoCloseable signalHandle;

    public AlertOutbox(AlertOutboxStore store, AlertOutbound outbound, AlertSignal signal, AlertingProperties config) {
        this.store = store;
        this.outbound = outbound;
        this.signal = signal;
        this.config = config;
    }

    @PostConstruct
    void start() {
        running = true;
        signalHandle = signal.listen(this::wake);
        thread = new Thread(this::run, "alerting-outbox");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a look at the outbox soon (cheap; repeated calls fold into one look). */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** Events this instance has published (PUBACK received and marked) since it started. */
    public long published() {
        return published.get();
    }

    /** Looks at the outbox this instance has completed since it started (for tests: "it has looked"). */
    public long drains() {
        return drains.get();
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                if (backoffMillis > 0) {
                    // the broker or the database is away: wake-ups must not turn into a busy loop
                    Thread.sleep(backoffMillis);
                }
                // the first look needs no wake-up: what was committed before a crash is published now
                int n;
                do {
                    n = drainOnce();
                } while (running && n == BATCH);
                backoffMillis = 0;
                drains.incrementAndGet();
                wake.tryAcquire(config.outboxPoll().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                backoffMillis = Math.min(30_000, Math.max(500, backoffMillis * 2));
                if (running) {
                    LOG.warn("alerts not published on MQTT yet ({}); trying again in {} ms", e.toString(), backoffMillis);
                }
            }
        }
    }

    /**
     * Publishes the oldest unpublished events (up to {@link #BATCH}) if no other instance is
     * publishing, and marks those the broker acknowledged, in one transaction.
     *
     * @return the events published; 0 when there were none or another instance publishes now
     * @throws OutboxSendException when some events were not acknowledged (those stay in the outbox)
     */
    int drainOnce() throws SQLException {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                if (!store.tryLockPublisher(c)) {
                    c.rollback();
                    return 0;
                }
                List<AlertStore.EventView> batch = store.pending(c, BATCH);
                List<CompletableFuture<Void>> sent = new ArrayList<>(batch.size());
                for (AlertStore.EventView e : batch) {
                    CompletableFuture<Void> f = outbound.send(e.alert(), e.id(), e.kind());
                    sent.add(f);
                    if (f.isCompletedExceptionally()) {
                        // no connection to the broker: the rest would fail alike (each after a
                        // connect attempt) and could overtake this one when it is retried
                        break;
                    }
                }
                List<Long> acked = new ArrayList<>(batch.size());
                Throwable failure = null;
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ACK_TIMEOUT_MILLIS);
                for (int i = 0; i < sent.size(); i++) {
                    try {
                        sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                        acked.add(batch.get(i).id());
                    } catch (ExecutionException e) {
                        failure = failure == null ? e.getCause() : failure;
                    } catch (TimeoutException e) {
                        failure = failure == null ? e : failure;
                    }
                }
                store.markPublished(c, acked);
                c.commit();
                published.addAndGet(acked.size());
                if (failure != null) {
                    throw new OutboxSendException(batch.size() - acked.size() + " of " + batch.size()
                            + " alert event(s) not acknowledged: " + failure, failure);
                }
                return batch.size();
            } catch (SQLException | RuntimeException e) {
                if (!c.isClosed() && !c.getAutoCommit()) {
                    try {
                        c.rollback();
                    } catch (SQLException ignored) {
                        // the connection is gone: the transaction is too
                    }
                }
                throw e;
            } catch (InterruptedException e) {
                c.rollback();
                Thread.currentThread().interrupt();
                return 0;
            }
        }
    }

    /** Some events of a batch were not acknowledged by the broker; they stay in the outbox. */
    static final class OutboxSendException extends RuntimeException {
        OutboxSendException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (signalHandle != null) {
            try {
                signalHandle.close();
            } catch (Exception e) {
                LOG.debug("unregistering the outbox wake-up: {}", e.toString());
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
