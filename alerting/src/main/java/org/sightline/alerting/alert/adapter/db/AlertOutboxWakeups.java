package org.sightline.alerting.alert.adapter.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.sightline.alerting.alert.AlertOutbox;
import org.sightline.geo.db.ChannelListener;
import org.sightline.geo.db.GeoDatabase;

/**
 * Wakes the {@link AlertOutbox} when another process (the command-line import, another instance)
 * commits an alert event for MQTT: listens on {@link AlertOutboxStore#CHANNEL} on a connection of
 * its own. While it is not listening the outbox's poll still finds the events; after a reconnect
 * it wakes the outbox once, since announcements made meanwhile are gone.
 */
@Context
@Requires(beans = AlertOutbox.class)
public class AlertOutboxWakeups {

    private final GeoDatabase database;
    private final AlertOutbox outbox;
    private ChannelListener listener;

    public AlertOutboxWakeups(GeoDatabase database, AlertOutbox outbox) {
        this.database = database;
        this.outbox = outbox;
    }

    /** True while announcements are being received. */
    public boolean listening() {
        return listener != null && listener.listening();
    }

    @PostConstruct
    void start() {
        listener = ChannelListener.start(database, AlertOutboxStore.CHANNEL, "alerting-outbox-wakeups", new ChannelListener.Handler() {
            @Override
            public void listening(boolean again) {
                outbox.wake();
            }

            @Override
            public void announced(String payload) {
                outbox.wake();
            }
        });
    }

    @PreDestroy
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }
}
