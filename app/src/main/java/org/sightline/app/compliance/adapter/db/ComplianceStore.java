package org.sightline.app.compliance.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.app.compliance.domain.CameraCompliance;
import org.sightline.app.compliance.domain.CameraRecord;
import org.sightline.geo.db.GeoDatabase;

/** The camera estate ({@code geo_camera}) joined with its compliance records ({@code camera_compliance}). */
@Singleton
public class ComplianceStore {

    private static final String SELECT = "SELECT cam.id, coalesce(cam.unit_id, ''), cam.kind, cam.deployment, cam.status,"
            + " cc.purpose, cc.signage, cc.dpia_reference, cc.reviewed_on, cc.updated_by, cc.updated_at"
            + " FROM geo_camera cam LEFT JOIN camera_compliance cc ON cc.camera_id = cam.id";

    private final GeoDatabase database;

    public ComplianceStore(GeoDatabase database) {
        this.database = database;
    }

    /** The camera with this id and its record, or empty when the estate has no such camera. */
    public Optional<CameraRecord> find(String cameraId) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(SELECT + " WHERE cam.id = ?")) {
            ps.setString(1, cameraId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Every camera of the estate with its record, by kind and id; covert ones only when asked for. */
    public List<CameraRecord> list(boolean includeCovert) throws SQLException {
        List<CameraRecord> out = new ArrayList<>();
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(SELECT
                + (includeCovert ? "" : " WHERE cam.deployment <> 'COVERT'") + " ORDER BY cam.kind, cam.id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** Creates or replaces the record of an existing camera. */
    public void save(String cameraId, CameraCompliance record, String user, Instant at) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO camera_compliance (camera_id, purpose, signage, dpia_reference, reviewed_on, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (camera_id) DO UPDATE SET purpose = EXCLUDED.purpose, signage = EXCLUDED.signage,
                    dpia_reference = EXCLUDED.dpia_reference, reviewed_on = EXCLUDED.reviewed_on,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")) {
            ps.setString(1, cameraId);
            ps.setString(2, record.purpose());
            ps.setString(3, record.signage());
            ps.setString(4, record.dpiaReference());
            ps.setDate(5, record.reviewedOn().map(Date::valueOf).orElse(null));
            ps.setString(6, user);
            ps.setTimestamp(7, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    private static CameraRecord row(ResultSet rs) throws SQLException {
        String purpose = rs.getString(6);
        Optional<CameraCompliance> compliance = Optional.empty();
        if (purpose != null) {
            Date reviewed = rs.getDate(9);
            compliance = Optional.of(new CameraCompliance(purpose, rs.getString(7), rs.getString(8),
                    Optional.ofNullable(reviewed).map(Date::toLocalDate)));
        }
        Timestamp updated = rs.getTimestamp(11);
        return new CameraRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                compliance, rs.getString(10) == null ? "" : rs.getString(10), Optional.ofNullable(updated).map(Timestamp::toInstant));
    }
}
