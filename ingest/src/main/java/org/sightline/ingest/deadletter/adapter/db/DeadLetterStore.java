package org.sightline.ingest.deadletter.adapter.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads the {@code dead_letter} table and records replays. */
public final class DeadLetterStore {

    /** One dead letter as stored. */
    public record Row(long id, String topic, byte[] payload, int payloadBytes, boolean payloadTruncated,
                      String reason, Instant receivedAt, Optional<Instant> replayedAt, Optional<String> replayOutcome) {
    }

    private static final String COLUMNS = "id, topic, payload, payload_bytes, payload_truncated, reason, received_at, "
            + "replayed_at, replay_outcome";

    private final DataSource dataSource;

    public DeadLetterStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Lists dead letters, newest first.
     *
     * @param beforeId only ids below this (paging), or 0 for the newest
     * @param limit most rows
     * @param pendingOnly leave out those already replayed
     */
    public List<Row> list(long beforeId, int limit, boolean pendingOnly) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM dead_letter WHERE (? = 0 OR id < ?)"
                + (pendingOnly ? " AND replayed_at IS NULL" : "") + " ORDER BY id DESC LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, beforeId);
            ps.setLong(2, beforeId);
            ps.setInt(3, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /** One dead letter, or empty when there is none with this id. */
    public Optional<Row> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM dead_letter WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Adds a dead letter (payloads beyond 64 KiB are cut; their size is kept). */
    public void add(String topic, byte[] payload, String reason, Instant receivedAt) throws SQLException {
        boolean cut = payload.length > 65_536;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO dead_letter (topic, payload, payload_bytes, payload_truncated, "
                     + "reason, received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, topic.replace('\0', '?'));
            ps.setBytes(2, cut ? java.util.Arrays.copyOf(payload, 65_536) : payload);
            ps.setInt(3, payload.length);
            ps.setBoolean(4, cut);
            ps.setString(5, reason.replace('\0', '?'));
            ps.setTimestamp(6, Timestamp.from(receivedAt));
            ps.executeUpdate();
        }
    }

    /** Records the outcome of a replay. */
    public void markReplayed(long id, Instant at, String outcome) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE dead_letter SET replayed_at = ?, replay_outcome = ? WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, outcome);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /** Records the outcome of a replay that is not complete: the dead letter stays pending. */
    public void noteOutcome(long id, String outcome) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE dead_letter SET replay_outcome = ? WHERE id = ?")) {
            ps.setString(1, outcome);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp replayed = rs.getTimestamp(8);
        return new Row(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                rs.getTimestamp(7).toInstant(), Optional.ofNullable(replayed).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getString(9)));
    }
}
