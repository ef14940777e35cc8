package org.sightline.geo.db;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Bulk load through PostgreSQL {@code COPY}: rows are streamed into a temporary staging table
 * shaped like the target, then moved into the target with one {@code INSERT ... SELECT} whose
 * conflict clause makes the load idempotent. Everything happens in one transaction that
 * {@link #finish(String)} commits; closing without finishing rolls it back. Not thread-safe.
 */
public final class StagedCopy implements AutoCloseable {

    private final Connection connection;
    private final String stage;
    private final Writer out;
    private final PGCopyOutputStream copy;
    private final WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
    private boolean firstField = true;
    private boolean finished;
    private long rows;

    private StagedCopy(Connection connection, String stage, PGCopyOutputStream copy) {
        this.connection = connection;
        this.stage = stage;
        this.copy = copy;
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Starts a load into {@code table} of the given columns, on a connection the load owns and closes.
     * The staging table is named {@code <table>_stage}.
     */
    public static StagedCopy begin(Connection connection, String table, List<String> columns) throws SQLException {
        String stage = table + "_stage";
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE TEMP TABLE " + stage + " (LIKE " + table + " INCLUDING DEFAULTS) ON COMMIT DROP");
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            PGCopyOutputStream copy = new PGCopyOutputStream(pg,
                    "COPY " + stage + " (" + String.join(", ", columns) + ") FROM STDIN", 1 << 16);
            return new StagedCopy(connection, stage, copy);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Name of the staging table, for the final {@code INSERT ... SELECT}. */
    public String stage() {
        return stage;
    }

    /** A text field; {@code null} becomes SQL NULL and a NUL character U+FFFD. */
    public StagedCopy text(String value) throws IOException {
        separator();
        if (value == null) {
            out.write("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                // PostgreSQL text cannot hold NUL: keep the row, mark the character as unreadable
                case '\0' -> out.write('\uFFFD');
                default -> out.write(c);
            }
        }
        return this;
    }

    public StagedCopy number(double value) throws IOException {
        separator();
        out.write(Double.toString(value));
        return this;
    }

    public StagedCopy bool(boolean value) throws IOException {
        separator();
        out.write(value ? "t" : "f");
        return this;
    }

    /** A PostgreSQL text array literal of simple words (no quotes or braces inside). */
    public StagedCopy textArray(List<String> values) throws IOException {
        return text("{" + String.join(",", values) + "}");
    }

    /** A geometry as hex EWKB with its SRID. */
    public StagedCopy geometry(Geometry g) throws IOException {
        separator();
        out.write(WKBWriter.toHex(wkb.write(g)));
        return this;
    }

    /** Ends the current row. */
    public void endRow() throws IOException {
        out.write('\n');
        firstField = true;
        rows++;
    }

    public long rowsStaged() {
        return rows;
    }

    /**
     * Ends the COPY, runs {@code moveSql} (an INSERT ... SELECT from {@link #stage()}), commits
     * and returns the number of rows it inserted or updated.
     */
    public long finish(String moveSql) throws IOException, SQLException {
        return finish(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(moveSql);
            }
        });
    }

    /** Ends the COPY, runs {@code move} on the load's connection, commits and returns its count. */
    public long finish(Move move) throws IOException, SQLException {
        out.close();
        long moved = move.apply(connection);
        connection.commit();
        finished = true;
        return moved;
    }

    /** Moves staged rows into the target table inside the load's transaction. */
    @FunctionalInterface
    public interface Move {
        long apply(Connection connection) throws SQLException;
    }

    private void separator() throws IOException {
        if (!firstField) {
            out.write('\t');
        }
        firstField = false;
    }

    @Override
    public void close() {
        if (!finished) {
            try {
                // the connection is locked by an open COPY until it is cancelled
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is being discarded; the rollback is best effort
            }
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing useful can be done with a failure to close
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StagedCopy[%s, %d rows]", stage, rows);
    }
}
