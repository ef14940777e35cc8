package org.sightline.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Plate reads written straight into this run's test database (ingest's {@code plate_read}, its
 * day's partition created on demand), for tests of what later looks at stored reads: the
 * retro-match, searches, retention.
 */
public final class StoredReads {

    private StoredReads() {
    }

    /**
     * Stores a read of {@code plate} by unit U1's camera CAM-X, captured and received at {@code at}.
     *
     * @return the read's id
     */
    public static UUID insert(String plate, Instant at) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = TestDatabase.get().connect()) {
            try (PreparedStatement st = c.prepareStatement("SELECT ingest_ensure_plate_read_partition(?::date)")) {
                st.setString(1, at.atOffset(ZoneOffset.UTC).toLocalDate().toString());
                st.execute();
            }
            try (PreparedStatement st = c.prepareStatement("INSERT INTO plate_read (read_id, unit_id, camera_id, plate,"
                    + " plate_as_read, uk_format, confidence, captured_at, received_at, late, position_from_camera, geom)"
                    + " VALUES (?, 'U1', 'CAM-X', ?, ?, true, 0.9, ?, ?, false, false, ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))")) {
                st.setObject(1, id);
                st.setString(2, plate);
                st.setString(3, plate);
                st.setTimestamp(4, Timestamp.from(at));
                st.setTimestamp(5, Timestamp.from(at));
                st.execute();
            }
        }
        return id;
    }
}
