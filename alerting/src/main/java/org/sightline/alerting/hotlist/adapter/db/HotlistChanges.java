package org.sightline.alerting.hotlist.adapter.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.sightline.alerting.hotlist.LiveHotlists;
import org.sightline.geo.db.GeoDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the running service's matcher in step with hotlist changes committed by other processes
 * (the command-line import, other alerting instances): listens on {@link HotlistStore#CHANGES} on
 * a connection of its own and applies each announced import or removal. After a lost connection it
 * reloads the whole matcher, since announcements made meanwhile are gone.
 */
@Context
@Requires(property = "sightline.alerting.listen", value = "true", defaultValue = "true")
public class HotlistChanges {

    private static final Logger LOG = LoggerFactory.getLogger(HotlistChanges.class);

    private final GeoDatabase database;
    private final LiveHotlists live;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public HotlistChanges(GeoDatabase database, LiveHotlists live) {
        this.database = database;
        this.live = live;
    }

    /** True while announcements are being received. */
    public boolean listening() {
        return listening;
    }

    @PostConstruct
    void start() {
        running = true;
        thread = new Thread(this::listen, "alerting-hotlist-changes");
        thread.setDaemon(true);
        thread.start();
    }

    private void listen() {
        long backoffMillis = 500;
        boolean first = true;
        while (running) {
            try (Connection c = database.connect(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + HotlistStore.CHANGES);
                listening = true;
                // anything announced before we listened is only in the database
                live.reload();
                if (!first) {
                    LOG.info("hotlist change notifications are back; the matcher was reloaded");
                }
                first = false;
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] changes = pg.getNotifications(5_000);
                    if (changes == null) {
                        continue;
                    }
                    for (PGNotification n : changes) {
                        apply(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                LOG.warn("hotlist change notifications lost ({}); reconnecting in {} ms", e.toString(), backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMillis = Math.min(30_000, backoffMillis * 2);
            }
        }
    }

    private void apply(String change) {
        try {
            if (change.startsWith("import:")) {
                int n = live.addedImport(UUID.fromString(change.substring("import:".length())));
                LOG.debug("hotlist import {}: {} entries added to the matcher", change, n);
            } else if (change.startsWith("remove:")) {
                live.removed(UUID.fromString(change.substring("remove:".length())));
            } else {
                LOG.warn("unknown hotlist change announcement '{}'", change);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("bad hotlist change announcement '{}': {}", change, e.getMessage());
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
