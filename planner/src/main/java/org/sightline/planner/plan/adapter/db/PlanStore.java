package org.sightline.planner.plan.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.StoreException;

/** Computed plans ({@code planner_plan}): the request and outcome as JSON documents. */
@Singleton
public class PlanStore {

    /** One stored plan. */
    public record StoredPlan(UUID id, Instant createdAt, String createdBy, String boundaryCode, String title,
                             String requestJson, String outcomeJson) {
    }

    private final GeoDatabase database;

    public PlanStore(GeoDatabase database) {
        this.database = database;
    }

    /** Stores a plan and returns its id. */
    public UUID save(String createdBy, String boundaryCode, String title, String requestJson, String outcomeJson) {
        UUID id = UUID.randomUUID();
        String sql = "INSERT INTO planner_plan (id, created_by, boundary_code, title, request, outcome)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            ps.setString(2, createdBy == null ? "" : createdBy);
            ps.setString(3, boundaryCode);
            ps.setString(4, title == null ? "" : title);
            ps.setString(5, requestJson);
            ps.setString(6, outcomeJson);
            ps.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new StoreException("cannot store the plan", e);
        }
    }

    /** The plan with this id, if stored. */
    public Optional<StoredPlan> find(UUID id) {
        String sql = "SELECT id, created_at, created_by, boundary_code, title, request::text, outcome::text"
                + " FROM planner_plan WHERE id = ?";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs, true)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the plan", e);
        }
    }

    /** The latest plans, newest first, without their outcome documents. */
    public List<StoredPlan> listRecent(int limit) {
        String sql = "SELECT id, created_at, created_by, boundary_code, title, request::text, '' AS outcome"
                + " FROM planner_plan ORDER BY created_at DESC LIMIT ?";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<StoredPlan> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, false));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list plans", e);
        }
    }

    private static StoredPlan row(ResultSet rs, boolean withOutcome) throws SQLException {
        Timestamp created = rs.getTimestamp(2);
        return new StoredPlan((UUID) rs.getObject(1), created.toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), withOutcome ? rs.getString(7) : "");
    }
}
