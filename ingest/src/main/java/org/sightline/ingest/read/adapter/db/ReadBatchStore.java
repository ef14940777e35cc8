package org.sightline.ingest.read.adapter.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.sightline.ingest.intake.Delivery;
import org.sightline.ingest.read.domain.Alternative;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.PlateRead;

/**
 * Writes a batch of deliveries in one transaction: good reads through {@code COPY} into a
 * per-connection staging table and from there into {@code plate_read} (a read id already stored is
 * skipped), refused ones into {@code dead_letter}. Creates the daily partitions the batch needs.
 * One instance per connection; not thread-safe.
 */
public final class ReadBatchStore {

    /** Most payload bytes kept for one dead letter; the rest is cut (the size is kept). */
    public static final int MAX_DEAD_LETTER_BYTES = 65_536;
    private static final int MAX_REASON_CHARS = 500;

    private static final String STAGE_DDL = "CREATE TEMP TABLE IF NOT EXISTS plate_read_stage ("
            + "read_id uuid, unit_id text, camera_id text, plate text, plate_as_read text, uk_format boolean, "
            + "confidence real, captured_at timestamptz, received_at timestamptz, late boolean, "
            + "lon double precision, lat double precision, heading_degrees real, lane smallint, "
            + "vehicle_make text, vehicle_colour text, vehicle_type text, image_ref text, alternatives jsonb) ON COMMIT DELETE ROWS";
    private static final String COPY = "COPY plate_read_stage (read_id, unit_id, camera_id, plate, plate_as_read, "
            + "uk_format, confidence, captured_at, received_at, late, lon, lat, heading_degrees, lane, vehicle_make, "
            + "vehicle_colour, vehicle_type, image_ref, alternatives) FROM STDIN (FORMAT binary)";
    private static final int STAGED_COLUMNS = 19;
    private static final String MOVE = """
            WITH s AS (SELECT DISTINCT ON (read_id) * FROM plate_read_stage ORDER BY read_id, received_at),
            fresh AS (INSERT INTO plate_read_key (read_id, captured_at) SELECT read_id, captured_at FROM s
                      ON CONFLICT DO NOTHING RETURNING read_id)
            INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence,
                captured_at, received_at, late, position_from_camera, geom, heading_degrees, lane,
                vehicle_make, vehicle_colour, vehicle_type, image_ref, alternatives)
            SELECT s.read_id, s.unit_id, s.camera_id, s.plate, s.plate_as_read, s.uk_format, s.confidence,
                s.captured_at, s.received_at, s.late, s.lon IS NULL,
                coalesce(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326), c.geom), s.heading_degrees, s.lane,
                s.vehicle_make, s.vehicle_colour, s.vehicle_type, s.image_ref, s.alternatives
            FROM s JOIN fresh USING (read_id) LEFT JOIN geo_camera c ON c.id = s.camera_id""";
    private static final String DEAD_LETTER = "INSERT INTO dead_letter (topic, payload, payload_bytes, "
            + "payload_truncated, reason, received_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final Set<LocalDate> partitions = new HashSet<>();
    private boolean staged;

    /** A store writing on this connection, which it switches to manual commit. */
    public ReadBatchStore(Connection connection) {
        this.connection = connection;
    }

    /** What one batch did. */
    public record Outcome(int stored, int duplicates, int deadLettered) {
    }

    /**
     * Writes and commits the batch. On an exception nothing of the batch is committed.
     *
     * @throws SQLException as the database reported it
     * @throws IOException when the COPY stream fails
     */
    public Outcome write(List<Delivery> batch) throws SQLException, IOException {
        List<PlateRead> good = new ArrayList<>();
        List<Boolean> late = new ArrayList<>();
        List<Object[]> bad = new ArrayList<>();
        Set<LocalDate> days = new TreeSet<>();
        long lastDay = Long.MIN_VALUE;
        for (Delivery d : batch) {
            for (CheckedRead r : d.reads()) {
                if (r instanceof CheckedRead.Good g) {
                    good.add(g.read());
                    late.add(g.late());
                    // most reads of a batch share their UTC day: look each day up once
                    long day = Math.floorDiv(g.read().capturedAt().getEpochSecond(), 86_400L);
                    if (day != lastDay) {
                        days.add(LocalDate.ofEpochDay(day));
                        lastDay = day;
                    }
                } else if (r instanceof CheckedRead.Bad b) {
                    bad.add(new Object[] {d, b});
                }
            }
        }
        if (good.isEmpty() && bad.isEmpty()) {
            return new Outcome(0, 0, 0); // only messages without reads: nothing to commit
        }
        ensurePartitions(days);
        connection.setAutoCommit(false);
        try {
            int stored = 0;
            if (!good.isEmpty()) {
                stage(good, late, batch);
                try (Statement st = connection.createStatement()) {
                    stored = st.executeUpdate(MOVE);
                }
            }
            if (!bad.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(DEAD_LETTER)) {
                    for (Object[] pair : bad) {
                        Delivery d = (Delivery) pair[0];
                        CheckedRead.Bad b = (CheckedRead.Bad) pair[1];
                        byte[] raw = b.raw();
                        boolean cut = raw.length > MAX_DEAD_LETTER_BYTES;
                        ps.setString(1, clean(d.topic()));
                        ps.setBytes(2, cut ? Arrays.copyOf(raw, MAX_DEAD_LETTER_BYTES) : raw);
                        ps.setInt(3, raw.length);
                        ps.setBoolean(4, cut);
                        ps.setString(5, clean(reason(b.reason())));
                        ps.setTimestamp(6, Timestamp.from(d.receivedAt()));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            connection.commit();
            return new Outcome(stored, good.size() - stored, bad.size());
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    private void stage(List<PlateRead> good, List<Boolean> late, List<Delivery> batch) throws SQLException, IOException {
        if (!staged) {
            try (Statement st = connection.createStatement()) {
                st.execute(STAGE_DDL);
            }
            staged = true;
        }
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
        try {
            BinaryCopyRows rows = new BinaryCopyRows(copy);
            int i = 0;
            for (Delivery d : batch) {
                for (CheckedRead r : d.reads()) {
                    if (!(r instanceof CheckedRead.Good g)) {
                        continue;
                    }
                    PlateRead p = g.read();
                    rows.row(STAGED_COLUMNS);
                    rows.uuid(p.readId());
                    rows.text(p.unitId().value());
                    rows.text(p.cameraId().value());
                    rows.text(p.plate().value());
                    rows.text(p.plateAsRead());
                    rows.bool(p.plate().ukFormat());
                    rows.float4(p.confidence());
                    rows.timestamptz(p.capturedAt());
                    rows.timestamptz(d.receivedAt());
                    rows.bool(late.get(i));
                    if (p.position().isPresent()) {
                        rows.float8(p.position().get().lonDegrees());
                        rows.float8(p.position().get().latDegrees());
                    } else {
                        rows.nullValue();
                        rows.nullValue();
                    }
                    if (p.heading().isPresent()) {
                        rows.float4(p.heading().get().degrees());
                    } else {
                        rows.nullValue();
                    }
                    if (p.lane().isPresent()) {
                        rows.int2(p.lane().getAsInt());
                    } else {
                        rows.nullValue();
                    }
                    rows.text(p.vehicle().make());
                    rows.text(p.vehicle().colour());
                    rows.text(p.vehicle().type());
                    rows.text(p.imageRef());
                    rows.jsonb(alternativesJson(p.alternatives()));
                    i++;
                }
            }
            rows.finish();
            copy.endCopy();
        } catch (IOException | SQLException | RuntimeException e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
    }

    private void ensurePartitions(Set<LocalDate> days) throws SQLException {
        for (LocalDate day : days) {
            if (!partitions.contains(day)) {
                createPartition(day);
            }
        }
    }

    /** Creates the partition of {@code plate_read} for one UTC day if it is missing. */
    public void createPartition(LocalDate day) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement ps = connection.prepareStatement("SELECT ingest_ensure_plate_read_partition(?)")) {
            ps.setObject(1, day);
            ps.execute();
        }
        partitions.add(day);
    }

    private void rollbackQuietly() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException ignored) {
            // the caller reports the first failure and discards the connection if it is broken
        }
    }

    // plates are letters and digits only: nothing to escape
    private static String alternativesJson(List<Alternative> alternatives) {
        if (alternatives.isEmpty()) {
            return "[]";
        }
        StringBuilder sb = new StringBuilder("[");
        for (Alternative a : alternatives) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append("{\"plate\":\"").append(a.plate().value()).append("\",\"confidence\":").append(a.confidence()).append('}');
        }
        return sb.append(']').toString();
    }

    // a reason may quote the offending input: keep it readable however large that was
    private static String reason(String reason) {
        return reason.length() <= MAX_REASON_CHARS ? reason : reason.substring(0, MAX_REASON_CHARS) + "…";
    }

    // PostgreSQL text cannot hold U+0000
    private static String clean(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace('\0', '?');
    }
}
