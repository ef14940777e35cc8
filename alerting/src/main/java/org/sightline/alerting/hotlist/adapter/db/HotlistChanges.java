package org.sightline.alerting.hotlist.adapter.db;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import org.sightline.alerting.hotlist.LiveHotlists;
import org.sightline.geo.db.ChannelListener;
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
    private ChannelListener listener;

    public HotlistChanges(GeoDatabase database, LiveHotlists live) {
        this.database = database;
        this.live = live;
    }

    /** True while announcements are being received. */
    public boolean listening() {
        return listener != null && listener.listening();
    }

    @PostConstruct
    void start() {
        listener = ChannelListener.start(database, HotlistStore.CHANGES, "alerting-hotlist-changes", new ChannelListener.Handler() {
            @Override
            public void listening(boolean again) {
                // anything announced before we listened is only in the database
                live.reload();
                if (again) {
                    LOG.info("hotlist change notifications are back; the matcher was reloaded");
                }
            }

            @Override
            public void announced(String payload) {
                apply(payload);
            }
        });
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
        if (listener != null) {
            listener.close();
        }
    }
}
