package org.sightline.alerting.alert;

import jakarta.inject.Singleton;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wakes the console streams and the MQTT outbox when alert events are committed in this process.
 * The events themselves are read from the database (the event log is the single source), so a
 * missed wake-up delays nothing beyond the streams' and the outbox's own poll.
 */
@Singleton
public class AlertSignal {

    private final CopyOnWriteArrayList<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Registers a wake-up; returns a handle that unregisters it. */
    public AutoCloseable listen(Runnable r) {
        listeners.add(r);
        return () -> listeners.remove(r);
    }

    /** Tells every listener that events were committed. */
    public void committed() {
        for (Runnable r : listeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                // a closed stream: it unregisters itself
            }
        }
    }
}
