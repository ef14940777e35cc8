package org.sightline.alerting.alert;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

/**
 * Turns reads into alerts: match against the live hotlists, apply each list's arterial rule,
 * join repeated sightings within the window, store, then wake the console and the MQTT outbox.
 * An alert is committed before anyone is told of it: the console's stream and the outbox are read
 * from the committed event log, so what an operator sees, and what other systems are sent, survive
 * a crash.
 */
@Singleton
public class AlertEngine {

    private final LiveHotlists hotlists;
    private final CameraSites sites;
    private final AlertStore store;
    private final AlertSignal signal;
    private final AlertingProperties config;

    public AlertEngine(LiveHotlists hotlists, CameraSites sites, AlertStore store, AlertSignal signal,
                       AlertingProperties config) {
        this.hotlists = hotlists;
        this.sites = sites;
        this.store = store;
        this.signal = signal;
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
        // wakes the console's streams and the MQTT outbox (which publishes what was just committed)
        signal.committed();
        return outcomes;
    }
}
