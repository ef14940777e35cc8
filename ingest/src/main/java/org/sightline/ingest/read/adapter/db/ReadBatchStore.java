package org.sightline.ingest.read.adapter.db;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.sightline.ingest.intake.Delivery;
import org.sightline.ingest.read.domain.Alternative;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.PlateRead;

/**
 * Writes a batch of deliveries in one transaction: the read ids of the good reads into
 * {@code plate_read_key} (an id already stored is skipped, and so is a second copy within the
 * batch), then the new reads straight into {@code plate_read} through a binary {@code COPY}, and
 * refused messages into {@code dead_letter}. Creates the daily partitions the batch needs. One
 * instance per connection; not thread-safe.
 *
 * <p>A read without its own position takes its camera's, looked up in {@code geo_camera} in the
 * same transaction; a read whose camera is no longer registered is dead-lettered.
 */
public final class ReadBatchStore {

    /** Most payload bytes kept for one dead letter; the rest is cut (the size is kept). */
    public static final int MAX_DEAD_LETTER_BYTES = 65_536;
    private static final int MAX_REASON_CHARS = 500;

    // the keys of the batch, first copies only; returns the ids that were not stored before
    private static final String CLAIM = "INSERT INTO plate_read_key (read_id, captured_at) "
            + "SELECT k, timestamptz 'epoch' + u * interval '1 microsecond' FROM unnest(?::uuid[], ?::int8[]) AS t(k, u) "
            + "ON CONFLICT DO NOTHING RETURNING read_id";
    private static final String CAMERA_POSITIONS = "SELECT id, ST_X(geom), ST_Y(geom) FROM geo_camera WHERE id = ANY(?)";
    private static final String COPY = "COPY plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, "
            + "confidence, captured_at, received_at, late, position_from_camera, geom, heading_degrees, lane, vehicle_make, "
            + "vehicle_colour, vehicle_type, image_ref, alternatives) FROM STDIN (FORMAT binary)";
    private static final int COPIED_COLUMNS = 19;
    private static final int SRID = 4326;
    private static final String DEAD_LETTER = "INSERT INTO dead_letter (topic, payload, payload_bytes, "
            + "payload_truncated, reason, received_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final Connection connection;
    private final Set<LocalDate> partitions = new HashSet<>();

    /** A store writing on this connection, which it switches to manual commit. */
    public ReadBatchStore(Connection connection) {
        this.connection = connection;
    }

    /** What one batch did. */
    public record Outcome(int stored, int duplicates, int deadLettered) {
    }

    /** A good read of the batch with the message it came in. */
    private record Pending(Delivery delivery, CheckedRead.Good read) {
    }

    /**
     * Writes and commits the batch. On an exception nothing of the batch is committed.
     *
     * @throws SQLException as the database reported it
     * @throws IOException when the COPY stream fails
     */
    public Outcome write(List<Delivery> batch) throws SQLException, IOException {
        List<Pending> good = new ArrayList<>();
        List<Object[]> bad = new ArrayList<>();
        Set<LocalDate> days = new TreeSet<>();
        Set<String> cameraPositions = new HashSet<>();
        long lastDay = Long.MIN_VALUE;
        for (Delivery d : batch) {
            for (CheckedRead r : d.reads()) {
                if (r instanceof CheckedRead.Good g) {
                    good.add(new Pending(d, g));
                    if (g.read().position().isEmpty()) {
                        cameraPositions.add(g.read().cameraId().value());
                    }
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
            Map<String, double[]> cameras = cameraPositions.isEmpty() ? Map.of() : cameraPositions(cameraPositions);
            if (cameras.size() < cameraPositions.size()) {
                good = withoutUnplacedReads(good, cameras, bad);
            }
            int stored = 0;
            if (!good.isEmpty()) {
                List<Pending> fresh = claim(good);
                copy(fresh, cameras);
                stored = fresh.size();
            }
            if (!bad.isEmpty()) {
                deadLetter(bad);
            }
            connection.commit();
            return new Outcome(stored, good.size() - stored, bad.size());
        } catch (SQLException | IOException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    /** Longitude and latitude of each of these cameras that is registered. */
    private Map<String, double[]> cameraPositions(Set<String> ids) throws SQLException {
        Map<String, double[]> out = new HashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(CAMERA_POSITIONS)) {
            ps.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new double[] {rs.getDouble(2), rs.getDouble(3)});
                }
            }
        }
        return out;
    }

    // a camera removed after the read was checked: the read has no position to store
    private static List<Pending> withoutUnplacedReads(List<Pending> good, Map<String, double[]> cameras, List<Object[]> bad) {
        List<Pending> kept = new ArrayList<>(good.size());
        for (Pending p : good) {
            PlateRead r = p.read().read();
            if (r.position().isEmpty() && !cameras.containsKey(r.cameraId().value())) {
                bad.add(new Object[] {p.delivery(), new CheckedRead.Bad("camera " + r.cameraId().value()
                        + " is no longer registered and the read has no position of its own", p.delivery().payload())});
            } else {
                kept.add(p);
            }
        }
        return kept;
    }

    /**
     * Records the read ids of the batch and returns the reads that are new: not stored before and
     * the first copy within the batch (in arrival order).
     */
    private List<Pending> claim(List<Pending> good) throws SQLException {
        Map<UUID, Pending> first = new LinkedHashMap<>(good.size() * 2);
        for (Pending p : good) {
            first.putIfAbsent(p.read().read().readId(), p);
        }
        UUID[] ids = first.keySet().toArray(new UUID[0]);
        long[] capturedMicros = new long[ids.length];
        int i = 0;
        for (Pending p : first.values()) {
            capturedMicros[i++] = BinaryCopyRows.epochMicros(p.read().read().capturedAt());
        }
        List<Pending> fresh = new ArrayList<>(ids.length);
        try (PreparedStatement ps = connection.prepareStatement(CLAIM)) {
            ps.setArray(1, connection.createArrayOf("uuid", ids));
            ps.setArray(2, connection.unwrap(PGConnection.class).createArrayOf("int8", capturedMicros));
            Set<UUID> claimed = new HashSet<>(ids.length * 2);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    claimed.add(rs.getObject(1, UUID.class));
                }
            }
            for (Map.Entry<UUID, Pending> e : first.entrySet()) {
                if (claimed.contains(e.getKey())) {
                    fresh.add(e.getValue());
                }
            }
        }
        return fresh;
    }

    private void copy(List<Pending> fresh, Map<String, double[]> cameras) throws SQLException, IOException {
        if (fresh.isEmpty()) {
            return;
        }
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), COPY, 1 << 16);
        try {
            BinaryCopyRows rows = new BinaryCopyRows(copy);
            for (Pending pending : fresh) {
                PlateRead p = pending.read().read();
                rows.row(COPIED_COLUMNS);
                rows.uuid(p.readId());
                rows.text(p.unitId().value());
                rows.text(p.cameraId().value());
                rows.text(p.plate().value());
                rows.text(p.plateAsRead());
                rows.bool(p.plate().ukFormat());
                rows.float4(p.confidence());
                rows.timestamptz(p.capturedAt());
                rows.timestamptz(pending.delivery().receivedAt());
                rows.bool(pending.read().late());
                rows.bool(p.position().isEmpty());
                if (p.position().isPresent()) {
                    rows.point(p.position().get().lonDegrees(), p.position().get().latDegrees(), SRID);
                } else {
                    double[] at = cameras.get(p.cameraId().value());
                    rows.point(at[0], at[1], SRID);
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

    private void deadLetter(List<Object[]> bad) throws SQLException {
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
