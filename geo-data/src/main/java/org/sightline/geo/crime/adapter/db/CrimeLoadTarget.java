package org.sightline.geo.crime.adapter.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a {@link CrimeBulkLoad} copies its rows, and how they are stored from there: straight
 * into an empty {@code geo_crime} with its indexes dropped, or into a staging table merged by
 * {@link CrimeMove}. Used inside the load's transaction.
 */
sealed interface CrimeLoadTarget {

    /** The table the COPY goes to. */
    String table();

    /** Stores the copied rows; returns the rows newly stored plus stored rows whose outcome changed. */
    long store(Connection c, long copiedRows) throws SQLException;

    default boolean emptyTable() {
        return this instanceof EmptyTable;
    }

    /**
     * Straight into the table when it is empty (checked again once it is locked, so two first
     * imports at once serialise and the second one stages), else into a staging table.
     */
    static CrimeLoadTarget choose(Statement st) throws SQLException {
        if (isEmpty(st)) {
            st.execute("LOCK TABLE geo_crime IN ACCESS EXCLUSIVE MODE");
            if (isEmpty(st)) {
                return new EmptyTable(CrimeIndexes.drop(st));
            }
        }
        st.execute("CREATE TEMP TABLE geo_crime_stage (LIKE geo_crime INCLUDING DEFAULTS) ON COMMIT DROP");
        return new Staged("geo_crime_stage");
    }

    private static boolean isEmpty(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM geo_crime)")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Rows copied into {@code geo_crime} itself, its indexes dropped; key and indexes built at the end. */
    record EmptyTable(CrimeIndexes indexes) implements CrimeLoadTarget {
        @Override
        public String table() {
            return "geo_crime";
        }

        @Override
        public long store(Connection c, long copiedRows) throws SQLException {
            try (Statement st = c.createStatement()) {
                return copiedRows - indexes.rebuild(st);
            }
        }
    }

    /** Rows copied into a temporary table, then moved by {@link CrimeMove}. */
    record Staged(String table) implements CrimeLoadTarget {
        @Override
        public long store(Connection c, long copiedRows) throws SQLException {
            return new CrimeMove(table, copiedRows).apply(c);
        }
    }
}
