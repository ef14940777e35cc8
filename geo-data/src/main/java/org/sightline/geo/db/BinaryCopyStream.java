package org.sightline.geo.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY table (columns) FROM STDIN (FORMAT binary)} on a connection: the header is sent
 * on opening, chunks of whole rows from {@link BinaryCopyRows} follow, and {@link #end()} sends the
 * trailer. It does not own the connection or its transaction. Not thread-safe: one thread at a
 * time (hand it over with a happens-before edge, such as a thread join).
 */
public final class BinaryCopyStream {

    /** Signature, flags (no OIDs) and an empty header extension. */
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private final CopyIn copy;

    private BinaryCopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts the COPY of {@code columns} into {@code table}. */
    public static BinaryCopyStream open(Connection connection, String table, List<String> columns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT binary)");
        try {
            copy.writeToCopy(HEADER, 0, HEADER.length);
        } catch (SQLException | RuntimeException e) {
            cancelQuietly(copy);
            throw e;
        }
        return new BinaryCopyStream(copy);
    }

    /** Sends {@code length} bytes of whole rows. */
    public void write(byte[] rows, int length) throws SQLException {
        copy.writeToCopy(rows, 0, length);
    }

    /** Sends the trailer and waits for the server; returns the rows it took. */
    public long end() throws SQLException {
        copy.writeToCopy(TRAILER, 0, TRAILER.length);
        return copy.endCopy();
    }

    /** Abandons the COPY if it is still open, so that the connection can be rolled back and reused. */
    public void cancel() {
        cancelQuietly(copy);
    }

    private static void cancelQuietly(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is being rolled back or discarded; cancelling is best effort
        }
    }
}
