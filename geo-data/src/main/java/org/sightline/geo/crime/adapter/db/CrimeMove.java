package org.sightline.geo.crime.adapter.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Moves staged crime rows into a {@code geo_crime} that already held rows when the load began.
 * A load that is large compared with what is stored (a bulk back-fill) takes the table
 * exclusively, drops its indexes, appends the new rows and rebuilds the indexes (see
 * {@link CrimeIndexes}); smaller loads insert with {@code ON CONFLICT}. Both paths are idempotent
 * and update revised outcomes.
 */
final class CrimeMove {

    private static final String COLUMNS = String.join(", ", CrimeStore.COLUMNS);

    private final String stage;
    private final long stagedRows;

    CrimeMove(String stage, long stagedRows) {
        this.stage = stage;
        this.stagedRows = stagedRows;
    }

    /** Returns the rows newly stored plus stored rows whose outcome changed. */
    long apply(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            long existing = estimatedRows(st);
            long updated = existing == 0 ? 0 : st.executeUpdate("UPDATE geo_crime g SET outcome = s.outcome FROM " + stage + " s"
                    + " WHERE g.row_key = s.row_key AND g.outcome IS DISTINCT FROM s.outcome");
            if (stagedRows >= 10_000 && stagedRows >= existing) {
                return updated + rebuild(st);
            }
            return updated + st.executeUpdate("INSERT INTO geo_crime (" + COLUMNS + ") SELECT " + COLUMNS + " FROM "
                    + stage + " ON CONFLICT (row_key) DO NOTHING");
        }
    }

    private long rebuild(Statement st) throws SQLException {
        st.execute("LOCK TABLE geo_crime IN ACCESS EXCLUSIVE MODE");
        CrimeIndexes indexes = CrimeIndexes.drop(st);
        long inserted = st.executeUpdate("INSERT INTO geo_crime (" + COLUMNS + ") SELECT " + COLUMNS + " FROM " + stage + " s"
                + " WHERE NOT EXISTS (SELECT 1 FROM geo_crime g WHERE g.row_key = s.row_key)");
        return inserted - indexes.rebuild(st);
    }

    private static long estimatedRows(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT greatest(reltuples::bigint, 0) FROM pg_class WHERE oid = 'geo_crime'::regclass")) {
            long estimate = rs.next() ? rs.getLong(1) : 0;
            if (estimate > 0) {
                return estimate;
            }
        }
        // never analysed: count, which is cheap exactly when the table is small
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (SELECT 1 FROM geo_crime LIMIT 1000000) t")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
