package org.sightline.geo.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on one PostgreSQL {@code NOTIFY} channel on a connection of its own, on a daemon
 * thread, and reconnects with a growing pause (0.5 s to 30 s) when the connection is lost. The
 * handler hears when listening (re)starts, since announcements made while nobody listened are
 * gone, and each announcement's payload, in order.
 */
public final class ChannelListener implements AutoCloseable {

    /** What a listener does; called on the listener's own thread, never concurrently. */
    public interface Handler {

        /**
         * Listening has started, or started again after a lost connection.
         *
         * @param again false the first time
         */
        void listening(boolean again);

        /** One announcement's payload (empty when the sender gave none). */
        void announced(String payload);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChannelListener.class);
    private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final GeoDatabase database;
    private final String channel;
    private final Handler handler;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    /**
     * Starts listening.
     *
     * @param channel a lower-case SQL identifier
     * @param threadName the listener thread's name
     */
    public static ChannelListener start(GeoDatabase database, String channel, String threadName, Handler handler) {
        ChannelListener l = new ChannelListener(database, channel, threadName, handler);
        l.thread.start();
        return l;
    }

    private ChannelListener(GeoDatabase database, String channel, String threadName, Handler handler) {
        if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException("a channel is a lower-case SQL identifier, was '" + channel + "'");
        }
        this.database = database;
        this.channel = channel;
        this.handler = handler;
        this.thread = new Thread(this::listen, threadName);
        thread.setDaemon(true);
    }

    /** True while announcements are being received. */
    public boolean listening() {
        return listening;
    }

    private void listen() {
        long backoffMillis = 500;
        boolean again = false;
        while (running) {
            try (Connection c = database.connect(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + channel);
                listening = true;
                handler.listening(again);
                again = true;
                backoffMillis = 500;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    // null or an empty array when the wait ran out with nothing announced
                    PGNotification[] announced = pg.getNotifications(5_000);
                    if (announced != null) {
                        for (PGNotification n : announced) {
                            handler.announced(n.getParameter() == null ? "" : n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                LOG.warn("notifications on {} lost ({}); reconnecting in {} ms", channel, e.toString(), backoffMillis);
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    return;
                }
                backoffMillis = Math.min(30_000, backoffMillis * 2);
            }
        }
    }

    /** Stops listening (the thread ends within its current wait). */
    @Override
    public void close() {
        running = false;
        listening = false;
        thread.interrupt();
    }
}
