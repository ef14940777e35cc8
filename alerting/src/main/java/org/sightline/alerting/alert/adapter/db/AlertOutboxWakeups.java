package org.sightline.alerting.alert.adapter.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sightline.alerting.alert.AlertOutbox;
import org.sightline.geo.db.GeoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wakes the {@link AlertOutbox} when another process (the command-line import, another instance)
 * commits an alert event for MQTT: listens on {@link AlertOutboxStore#CHANNEL} on a connection of
 * its own. While it is not listening the outbox's poll still finds the events; after a reconnect
 * it wakes the outbox once, since announcements made meanwhile are gone.
 */
@Context
@Requires(beans = AlertOutbox.class)
public class AlertOutboxWakeups {

    private static final Logger LOG = LoggerFactory.getLogger(AlertOutboxWakeups.class);

    private final GeoDatabase database;
    private final AlertOutbox outbox;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public AlertOutboxWakeups(GeoDatabase database, AlertOutbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /** True while announcements are being received. */
    public boolean listening() {
        return listening;
    }

    @PostConstruct
    void start() {
        running = true;
        thread = new Thread(this::listen, "alerting-outbox-wakeups");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        long backoffMillis = 500;
        while (running) {
            try (Connection c = database.connect(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + AlertOutboxStore.CHANNEL);
                listening = true;
                outbox.wake();
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    // an empty array (not null) when the wait ran out with nothing announced
                    PGNotification[] announced = pg.getNotifications(5_000);
                    if (announced != null && announced.length > 0) {
                        outbox.wake();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                LOG.warn("alert outbox notifications lost ({}); reconnecting in {} ms", e.toString(), backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMillis = Math.min(30_000, backoffMillis * 2);
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        listening = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
