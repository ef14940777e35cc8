package org.sightline.planner.occlusion.adapter.db;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.GeometryColumns;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;
import org.sightline.planner.occlusion.domain.BuildingLayer;

/**
 * Building footprint layers in PostGIS ({@code planner_occlusion_layer} and
 * {@code planner_occlusion_footprint}). A layer is stored whole in one transaction (COPY), keyed by
 * the SHA-256 of its source file.
 */
@Singleton
public class BuildingLayerStore {

    private static final String LAYER_COLUMNS = "id, name, footprints, created_by, created_at";

    private final GeoDatabase database;

    public BuildingLayerStore(GeoDatabase database) {
        this.database = database;
    }

    /** Stores a layer of WGS84 {@code footprints} (at least one) and returns it. */
    public BuildingLayer save(String name, String sha256, String createdBy, List<Polygon> footprints) {
        if (footprints.isEmpty()) {
            throw new IllegalArgumentException("a building layer needs at least one footprint");
        }
        UUID id = UUID.randomUUID();
        try (StagedCopy copy = StagedCopy.begin(database.connect(), "planner_occlusion_footprint",
                List.of("layer_id", "seq", "geom"))) {
            int seq = 0;
            for (Polygon p : footprints) {
                copy.text(id.toString()).text(Integer.toString(++seq)).geometry(p);
                copy.endRow();
            }
            copy.finish(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO planner_occlusion_layer"
                        + " (id, name, source_sha256, footprints, created_by) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setObject(1, id);
                    ps.setString(2, name);
                    ps.setString(3, sha256);
                    ps.setInt(4, footprints.size());
                    ps.setString(5, createdBy == null ? "" : createdBy);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO planner_occlusion_footprint (layer_id, seq, geom)"
                        + " SELECT layer_id, seq, geom FROM " + copy.stage())) {
                    return ps.executeUpdate();
                }
            });
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot store the building layer", e);
        }
        return find(id).orElseThrow();
    }

    /** The layer with this id, if stored. */
    public Optional<BuildingLayer> find(UUID id) {
        return one("SELECT " + LAYER_COLUMNS + " FROM planner_occlusion_layer WHERE id = ?", id);
    }

    /** The layer read from a file with this SHA-256, if stored. */
    public Optional<BuildingLayer> findBySha256(String sha256) {
        return one("SELECT " + LAYER_COLUMNS + " FROM planner_occlusion_layer WHERE source_sha256 = ?", sha256);
    }

    /** All layers, newest first. */
    public List<BuildingLayer> list() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + LAYER_COLUMNS + " FROM planner_occlusion_layer ORDER BY created_at DESC, name");
             ResultSet rs = ps.executeQuery()) {
            List<BuildingLayer> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot list building layers", e);
        }
    }

    /** The footprints of a layer that meet the WGS84 {@code box}. */
    public List<Polygon> footprints(UUID layer, Envelope box) {
        String sql = "SELECT ST_AsBinary(geom) AS wkb FROM planner_occlusion_footprint WHERE layer_id = ?"
                + " AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, layer);
            ps.setDouble(2, box.getMinX());
            ps.setDouble(3, box.getMinY());
            ps.setDouble(4, box.getMaxX());
            ps.setDouble(5, box.getMaxY());
            ps.setFetchSize(10_000);
            c.setAutoCommit(false);
            List<Polygon> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add((Polygon) GeometryColumns.read(rs, "wkb"));
                }
            } finally {
                c.setAutoCommit(true);
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read building footprints", e);
        }
    }

    private Optional<BuildingLayer> one(String sql, Object key) {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read building layers", e);
        }
    }

    private static BuildingLayer row(ResultSet rs) throws SQLException {
        return new BuildingLayer((UUID) rs.getObject("id"), rs.getString("name"), rs.getInt("footprints"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
