package org.sightline.geo.crime.adapter.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The primary key and secondary indexes of {@code geo_crime}, dropped before a bulk append and
 * built once after it: building a GiST index over all rows at once is several times faster than
 * updating it row by row. Whatever secondary indexes the migrations defined are recreated exactly
 * as they were. Runs inside the caller's transaction, which must hold the table exclusively.
 */
final class CrimeIndexes {

    /** Defined by V2_001; recreated under the same name. */
    private static final String PRIMARY_KEY = "geo_crime_pkey";

    private final List<String> definitions;

    private CrimeIndexes(List<String> definitions) {
        this.definitions = definitions;
    }

    /** Drops the secondary indexes and the primary key, remembering how to build them again. */
    static CrimeIndexes drop(Statement st) throws SQLException {
        List<String> names = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                + " AND tablename = 'geo_crime' AND indexname <> '" + PRIMARY_KEY + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
                definitions.add(rs.getString(2));
            }
        }
        for (String name : names) {
            st.execute("DROP INDEX \"" + name + "\"");
        }
        st.execute("ALTER TABLE geo_crime DROP CONSTRAINT " + PRIMARY_KEY);
        return new CrimeIndexes(definitions);
    }

    /**
     * Restores the primary key, first deleting all but one of each set of rows that share a key
     * (the same file given twice in one load), then the secondary indexes.
     *
     * @return how many duplicate rows were deleted
     */
    long rebuild(Statement st) throws SQLException {
        long deleted = 0;
        Savepoint beforeKey = st.getConnection().setSavepoint();
        try {
            addPrimaryKey(st);
        } catch (SQLException e) {
            if (!"23505".equals(e.getSQLState())) {
                throw e;
            }
            st.getConnection().rollback(beforeKey);
            deleted = st.executeUpdate("DELETE FROM geo_crime a USING geo_crime b"
                    + " WHERE a.row_key = b.row_key AND a.ctid > b.ctid");
            addPrimaryKey(st);
        }
        for (String definition : definitions) {
            st.execute(definition);
        }
        return deleted;
    }

    private static void addPrimaryKey(Statement st) throws SQLException {
        st.execute("ALTER TABLE geo_crime ADD CONSTRAINT " + PRIMARY_KEY + " PRIMARY KEY (row_key)");
    }
}
