package org.sightline.app.search.adapter.db;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.sightline.app.search.domain.ReadSearch;

/** Runs read searches against {@code plate_read}; every value is bound, never spliced into the SQL. */
@Singleton
public class ReadSearchQueries {

    /** One read found. */
    @io.micronaut.serde.annotation.Serdeable
    public record FoundRead(String readId, String plate, String plateAsRead, String cameraId, String unitId,
                            java.time.Instant capturedAt, double confidence, double lon, double lat, boolean late) { }

    private final DataSource dataSource;

    public ReadSearchQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Up to {@code limit} reads after skipping {@code offset}, newest first. */
    @Transactional(readOnly = true)
    public List<FoundRead> find(ReadSearch s, int offset, int limit) {
        StringBuilder sql = new StringBuilder("""
                SELECT read_id, plate, plate_as_read, camera_id, unit_id, captured_at, confidence,
                       ST_X(geom) AS lon, ST_Y(geom) AS lat, late
                  FROM plate_read
                 WHERE captured_at >= ? AND captured_at < ?""");
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(s.from()));
        args.add(Timestamp.from(s.to()));
        if (s.plate().isPresent()) {
            if (s.fuzzy()) {
                sql.append(" AND translate(plate, '").append(ReadSearch.OCR_FROM).append("', '")
                        .append(ReadSearch.OCR_TO).append("') = ?");
                args.add(ReadSearch.ocrKey(s.plate().get()));
            } else {
                sql.append(" AND plate = ?");
                args.add(s.plate().get());
            }
        }
        if (s.cameraId().isPresent()) {
            sql.append(" AND camera_id = ?");
            args.add(s.cameraId().get());
        }
        if (s.area().isPresent()) {
            double[] a = s.area().get();
            sql.append(" AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)");
            for (double v : a) {
                args.add(v);
            }
        }
        sql.append(" ORDER BY captured_at DESC, read_id OFFSET ? LIMIT ?");
        args.add(offset);
        args.add(limit);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<FoundRead> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FoundRead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getBoolean(10)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("read search failed: " + e.getMessage(), e);
        }
    }
}
