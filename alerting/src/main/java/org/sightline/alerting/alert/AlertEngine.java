package org.sightline.alerting.alert;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.adapter.db.AlertStore;
import org.sightline.alerting.alert.domain.AlertRule;
import org.sightline.alerting.alert.domain.CameraSite;
import org.sightline.alerting.alert.domain.CameraSites;
import org.sightline.alerting.hotlist.LiveHotlists;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.match.domain.Match;
import org.sightline.alerting.read.domain.IncomingRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns reads into alerts: match against the live hotlists, apply each list's arterial rule,
 * join repeated sightings within the window, store, then wake the console and (on a thread of its
 * own) tell other systems. An alert is committed before anyone is told of it: the console's stream
 * is read from the committed event log, so what an operator sees survives a crash.
 */
@Singleton
public class AlertEngine {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

    private final LiveHotlists hotlists;
    private final CameraSites sites;
    private final AlertStore store;
    private final AlertSignal signal;
    private final List<AlertOutbound> outbound;
    private final AlertingProperties config;
    private final ExecutorService outboundSender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alerting-outbound");
        t.setDaemon(true);
        return t;
    });

    public AlertEngine(LiveHotlists hotlists, CameraSites sites, AlertStore store, AlertSignal signal,
                       List<AlertOutbound> outbound, AlertingProperties config) {
        this.hotlists = hotlists;
        this.sites = sites;
        this.store = store;
        this.signal = signal;
        this.outbound = outbound;
        this.config = config;
    }

    /**
     * Processes the reads of one message in one transaction. Safe to repeat with the same reads
     * (a redelivered message): a read is recorded once per alert.
     *
     * @param historic true for the retro-match of stored reads ("historic hit" alerts)
     * @return the stored outcomes of the hits
     * @throws SQLException when the database fails (nothing of the message is stored)
     */
    public List<AlertStore.HitOutcome> process(List<IncomingRead> reads, boolean historic) throws SQLException {
        return process(reads, historic, hotlists::match);
    }

    /** As {@link #process(List, boolean)}, matching with the given matcher (the retro-match's new entries only). */
    public List<AlertStore.HitOutcome> process(List<IncomingRead> reads, boolean historic,
                                               java.util.function.BiFunction<org.sightline.alerting.match.domain.ReadCandidates,
                                                       java.time.Instant, List<Match>> matcher) throws SQLException {
        List<AlertStore.Hit> hits = new ArrayList<>();
        for (IncomingRead read : reads) {
            List<Match> matches = matcher.apply(read.candidates(), read.capturedAt());
            if (matches.isEmpty()) {
                continue;
            }
            Optional<CameraSite> site = sites.find(read.cameraId());
            for (Match m : matches) {
                HotlistEntry e = m.entry();
                Hotlist list = hotlists.list(e.listCode());
                if (list == null || !AlertRule.alerts(list, site)) {
                    continue;
                }
                String place = site.map(CameraSite::describe).orElse("camera " + read.cameraId() + " (not in the estate)");
                Double lon = read.lon().orElse(site.map(CameraSite::lon).orElse(null));
                Double lat = read.lat().orElse(site.map(CameraSite::lat).orElse(null));
                hits.add(new AlertStore.Hit(e.id(), e.listCode(), e.plate().value(), e.priority(), e.covert() || list.covert(),
                        historic, m.grade().name(), m.explanation(), place, read.readId(), read.cameraId(),
                        read.plateAsRead(), read.confidence(), read.capturedAt(), lon, lat));
            }
        }
        if (hits.isEmpty()) {
            return List.of();
        }
        List<AlertStore.HitOutcome> outcomes = new ArrayList<>(hits.size());
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try {
                for (AlertStore.Hit h : hits) {
                    outcomes.add(store.record(c, h, config.joinWindow()));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        signal.committed();
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).created() && !hits.get(i).covert()) {
                created.add(outcomes.get(i).alertId());
            }
        }
        if (!created.isEmpty() && !outbound.isEmpty()) {
            // other systems are told off the read path: the next reads need not wait for the broker
            try {
                outboundSender.execute(() -> created.forEach(id -> store.find(id)
                        .ifPresent(a -> send(a, historic ? "historic" : "created"))));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("shutting down: {} alert(s) not sent on MQTT", created.size());
            }
        }
        return outcomes;
    }

    @PreDestroy
    void stop() {
        outboundSender.shutdown();
    }

    void send(org.sightline.alerting.alert.domain.AlertView a, String kind) {
        for (AlertOutbound out : outbound) {
            try {
                out.send(a, kind);
            } catch (RuntimeException e) {
                LOG.warn("sending alert {} failed: {}", a.id(), e.toString());
            }
        }
    }
}
