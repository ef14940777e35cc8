package org.sightline.geo.crime.adapter.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sightline.geo.db.StagedCopy;

/**
 * Moves staged crime rows into {@code geo_crime}. A load that is large compared with what is
 * already stored (the first import, a benchmark, a bulk back-fill) takes the table exclusively,
 * drops its indexes, appends the new rows and rebuilds the indexes: building a GiST index once
 * is several times faster than updating it row by row. Smaller loads insert with
 * {@code ON CONFLICT}. Both paths are idempotent and update revised outcomes.
 */
final class CrimeMove implements StagedCopy.Move {

    /** Defined by V2_001; recreated under the same name. */
    private static final String PRIMARY_KEY = "geo_crime_pkey";
    private static final String COLUMNS = String.join(", ", CrimeStore.COLUMNS);

    private final String stage;
    private final long stagedRows;

    CrimeMove(String stage, long stagedRows) {
        this.stage = stage;
        this.stagedRows = stagedRows;
    }

    @Override
    public long apply(Connection c) throws SQLException {
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
        // whatever secondary indexes the migrations defined are dropped and recreated as they were
        List<String> names = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = 'geo_crime' AND indexname <> '" + PRIMARY_KEY + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                indexes.add(rs.getString(2));
            }
        }
        for (String name : names) {
            st.execute("DROP INDEX \"" + name + "\"");
        }
        st.execute("ALTER TABLE geo_crime DROP CONSTRAINT " + PRIMARY_KEY);
        String insert = "INSERT INTO geo_crime (" + COLUMNS + ") SELECT %s" + prefixed("s.") + " FROM " + stage + " s"
                + " WHERE NOT EXISTS (SELECT 1 FROM geo_crime g WHERE g.row_key = s.row_key)";
        Savepoint beforeInsert = st.getConnection().setSavepoint();
        long inserted;
        try {
            inserted = st.executeUpdate(String.format(insert, ""));
            st.execute("ALTER TABLE geo_crime ADD CONSTRAINT " + PRIMARY_KEY + " PRIMARY KEY (row_key)");
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            // a key staged twice (the same file given twice in one load): sort them out, slower
            st.getConnection().rollback(beforeInsert);
            inserted = st.executeUpdate(String.format(insert, "DISTINCT ON (s.row_key) "));
            st.execute("ALTER TABLE geo_crime ADD CONSTRAINT " + PRIMARY_KEY + " PRIMARY KEY (row_key)");
        }
        for (String definition : indexes) {
            st.execute(definition);
        }
        return inserted;
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

    private static String prefixed(String alias) {
        StringBuilder sb = new StringBuilder();
        for (String col : CrimeStore.COLUMNS) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(alias).append(col);
        }
        return sb.toString();
    }
}
