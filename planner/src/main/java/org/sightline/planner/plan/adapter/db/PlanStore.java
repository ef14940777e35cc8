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

    /** A stored plan's summary for lists: who, when, where, which months, how many sites and what they cover. */
    public record PlanSummary(UUID id, Instant createdAt, String createdBy, String boundaryCode, String title,
                              String months, int sites, double coveredShare, double costGbp) {
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
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the plan", e);
        }
    }

    /** The latest plans, newest first, as summaries. */
    public List<PlanSummary> listRecent(int limit) {
        String sql = "SELECT id, created_at, created_by, boundary_code, title, coalesce(request->>'months', '') AS months,"
                + " coalesce(jsonb_array_length(outcome->'sites'), 0) AS sites,"
                + " coalesce((outcome->>'coveredShare')::float8, 0) AS covered,"
                + " coalesce((SELECT sum((s->>'costGbp')::float8) FROM jsonb_array_elements(outcome->'sites') s), 0) AS cost"
                + " FROM planner_plan ORDER BY created_at DESC LIMIT ?";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<PlanSummary> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PlanSummary((UUID) rs.getObject("id"), rs.getTimestamp("created_at").toInstant(),
                            rs.getString("created_by"), rs.getString("boundary_code"), rs.getString("title"),
                            rs.getString("months"), rs.getInt("sites"), rs.getDouble("covered"), rs.getDouble("cost")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list plans", e);
        }
    }

    private static StoredPlan row(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(2);
        return new StoredPlan((UUID) rs.getObject(1), created.toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7));
    }
}
