package org.sightline.alerting.retention;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.sightline.alerting.retention.domain.PurgeCounts;
import org.sightline.alerting.retention.domain.PurgeCutoffs;
import org.sightline.alerting.web.AlertingStoreException;
import org.sightline.geo.db.GeoDatabase;

/**
 * Deletes alerting's personal data that has passed its keeping period: closed alerts with their
 * sightings and console events, alerts whose sightings are older than the reads themselves, and
 * hotlist entries that ended longer ago than the grace period. The caller (the service's retention
 * job) decides the periods and records the counts in the audit trail, which is never purged.
 *
 * <p>Work is done in batches, each its own transaction, so a first run over a large backlog holds
 * no long locks; rows being changed by an operator at that moment are skipped and go on the next
 * run. An entry that an alert still refers to is kept until that alert goes.
 */
@Singleton
public class AlertingPurge {

    static final int BATCH = 5_000;

    // One statement per batch: the sightings and events go with their alert; foreign keys are
    // checked at the end of the statement, when the children are gone.
    private static final String ALERT_BATCH = """
            WITH doomed AS (
                SELECT id, state FROM alert
                 WHERE (state = 'REJECTED' AND coalesce(decided_at, last_seen) < ?)
                    OR (state = 'ACCEPTED' AND coalesce(decided_at, last_seen) < ?)
                    OR last_seen < ?
                 ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED),
            events AS (DELETE FROM alert_event e USING doomed d WHERE e.alert_id = d.id RETURNING 1),
            sightings AS (DELETE FROM alert_sighting s USING doomed d WHERE s.alert_id = d.id RETURNING 1),
            alerts AS (DELETE FROM alert a USING doomed d WHERE a.id = d.id RETURNING a.state)
            SELECT (SELECT count(*) FROM alerts WHERE state = 'REJECTED'),
                   (SELECT count(*) FROM alerts WHERE state = 'ACCEPTED'),
                   (SELECT count(*) FROM alerts WHERE state NOT IN ('REJECTED', 'ACCEPTED')),
                   (SELECT count(*) FROM sightings),
                   (SELECT count(*) FROM events)""";

    // an entry ends when it expires or is removed, whichever is first
    private static final String ENDED = "(e.expires_at < ? OR e.removed_at < ?)";

    private static final String ENTRY_BATCH = "WITH doomed AS (SELECT e.id FROM alert_hotlist_entry e WHERE " + ENDED
            + " AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.entry_id = e.id) LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " DELETE FROM alert_hotlist_entry e USING doomed d WHERE e.id = d.id";

    private static final String ENTRIES_HELD = "SELECT count(*) FROM alert_hotlist_entry e WHERE " + ENDED
            + " AND EXISTS (SELECT 1 FROM alert a WHERE a.entry_id = e.id)";

    private final GeoDatabase database;

    public AlertingPurge(GeoDatabase database) {
        this.database = database;
    }

    /**
     * Purges everything past the given cutoffs: alerts first, so that entries freed by them go in
     * the same run.
     *
     * @return what was removed
     * @throws AlertingStoreException when the database fails (batches committed before stay done)
     */
    public PurgeCounts purge(PurgeCutoffs cutoffs) {
        long rejected = 0;
        long accepted = 0;
        long undecided = 0;
        long sightings = 0;
        long events = 0;
        long entries = 0;
        long held;
        try (Connection c = database.connect()) {
            c.setAutoCommit(false);
            try {
                long batch;
                do {
                    long[] n = alertBatch(c, cutoffs);
                    c.commit();
                    rejected += n[0];
                    accepted += n[1];
                    undecided += n[2];
                    sightings += n[3];
                    events += n[4];
                    batch = n[0] + n[1] + n[2];
                } while (batch == BATCH);
                do {
                    batch = entryBatch(c, cutoffs);
                    c.commit();
                    entries += batch;
                } while (batch == BATCH);
                held = entriesHeld(c, cutoffs);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new AlertingStoreException("alerting purge failed", e);
        }
        return new PurgeCounts(rejected, accepted, undecided, sightings, events, entries, held);
    }

    private static long[] alertBatch(Connection c, PurgeCutoffs cut) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ALERT_BATCH)) {
            st.setTimestamp(1, Timestamp.from(cut.rejectedBefore()));
            st.setTimestamp(2, Timestamp.from(cut.acceptedBefore()));
            st.setTimestamp(3, Timestamp.from(cut.seenBefore()));
            st.setInt(4, BATCH);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)};
            }
        }
    }

    private static long entryBatch(Connection c, PurgeCutoffs cut) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ENTRY_BATCH)) {
            st.setTimestamp(1, Timestamp.from(cut.entriesEndedBefore()));
            st.setTimestamp(2, Timestamp.from(cut.entriesEndedBefore()));
            st.setInt(3, BATCH);
            return st.executeUpdate();
        }
    }

    private static long entriesHeld(Connection c, PurgeCutoffs cut) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ENTRIES_HELD)) {
            st.setTimestamp(1, Timestamp.from(cut.entriesEndedBefore()));
            st.setTimestamp(2, Timestamp.from(cut.entriesEndedBefore()));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
