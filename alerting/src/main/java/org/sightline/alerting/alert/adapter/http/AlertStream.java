package org.sightline.alerting.alert.adapter.http;

import io.micronaut.http.sse.Event;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;
import org.sightline.alerting.alert.AlertSignal;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * The console's live stream. Each client reads the committed event log after the last event it
 * got (its {@code Last-Event-ID} on reconnect), woken by {@link AlertSignal} and, as a safety
 * net, every few seconds: the database is the only source, so a reconnecting console misses
 * nothing and a covert event never reaches an uncleared user.
 */
@Singleton
public class AlertStream {

    private static final Logger LOG = LoggerFactory.getLogger(AlertStream.class);
    private static final Duration POLL = Duration.ofSeconds(3);
    private static final int BATCH = 200;

    private final AlertStore store;
    private final AlertSignal signal;
    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "alerting-sse");
        t.setDaemon(true);
        return t;
    });

    public AlertStream(AlertStore store, AlertSignal signal) {
        this.store = store;
        this.signal = signal;
    }

    /**
     * A stream of events after {@code afterEventId} (negative: only events from now on).
     *
     * @param covertCleared whether covert alerts may be sent
     */
    public Publisher<Event<AlertBodies.StreamEvent>> open(long afterEventId, boolean covertCleared) {
        return Flux.create(sink -> new Client(sink, afterEventId, covertCleared).start(), FluxSink.OverflowStrategy.BUFFER);
    }

    private final class Client {
        private final FluxSink<Event<AlertBodies.StreamEvent>> sink;
        private final boolean covert;
        private final AtomicBoolean queued = new AtomicBoolean();
        private long last;
        private boolean greeted;
        private AutoCloseable subscription;
        private ScheduledFuture<?> poll;

        Client(FluxSink<Event<AlertBodies.StreamEvent>> sink, long after, boolean covert) {
            this.sink = sink;
            this.last = after;
            this.covert = covert;
        }

        void start() {
            subscription = signal.listen(this::wake);
            poll = executor.scheduleWithFixedDelay(this::wake, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
            sink.onDispose(this::stop);
            wake();
        }

        void wake() {
            if (queued.compareAndSet(false, true)) {
                executor.execute(this::pump);
            }
        }

        private synchronized void pump() {
            queued.set(false);
            if (sink.isCancelled()) {
                return;
            }
            try {
                if (!greeted) {
                    // sent at once so that the console knows it is live even when nothing happens
                    if (last < 0) {
                        last = store.lastEventId();
                    }
                    sink.next(Event.of(new AlertBodies.StreamEvent(last, "ready", null)).name("ready")
                            .id(Long.toString(last)));
                    greeted = true;
                }
                List<AlertStore.EventView> rows;
                do {
                    rows = store.eventViewsAfter(last, covert, BATCH);
                    for (AlertStore.EventView row : rows) {
                        sink.next(Event.of(new AlertBodies.StreamEvent(row.id(), row.kind(), AlertBodies.AlertBody.of(row.alert())))
                                .name(row.kind()).id(Long.toString(row.id())));
                        last = row.id();
                    }
                } while (rows.size() == BATCH && !sink.isCancelled());
            } catch (RuntimeException e) {
                // the database is unreachable: the next wake-up or poll tries again from the same event
                LOG.debug("alert stream could not read events: {}", e.toString());
            }
        }

        private void stop() {
            if (poll != null) {
                poll.cancel(false);
            }
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.debug("closing an alert stream: {}", e.toString());
            }
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
