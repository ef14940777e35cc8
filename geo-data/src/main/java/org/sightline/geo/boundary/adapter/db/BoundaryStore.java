package org.sightline.geo.boundary.adapter.db;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.GeometryColumns;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;

/** Boundaries in PostGIS ({@code geo_boundary}), keyed by code: a re-import replaces the outline. */
@Singleton
public class BoundaryStore {

    private static final List<String> COLUMNS = List.of("code", "name", "source", "geom");

    private final GeoDatabase database;

    public BoundaryStore(GeoDatabase database) {
        this.database = database;
    }

    /** Inserts or replaces the boundaries; returns how many rows were written. */
    public long upsert(Collection<Boundary> boundaries, String source) {
        try (StagedCopy copy = StagedCopy.begin(database.connect(), "geo_boundary", COLUMNS)) {
            for (Boundary b : boundaries) {
                copy.text(b.code()).text(b.name()).text(source).geometry(BoundaryFeatures.multi(b.area()));
                copy.endRow();
            }
            return copy.finish("INSERT INTO geo_boundary (code, name, source, geom) SELECT DISTINCT ON (code) code, name,"
                    + " source, geom FROM " + copy.stage() + " ORDER BY code ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name,"
                    + " source = EXCLUDED.source, geom = EXCLUDED.geom, imported_at = now()");
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot store boundaries", e);
        }
    }

    /** Boundaries meeting the box (all when empty), by code. */
    public List<Boundary> list(Optional<BoundingBox> bbox) {
        String sql = "SELECT code, name, ST_AsBinary(geom) AS wkb FROM geo_boundary WHERE "
                + GeometryColumns.bboxClause(bbox.orElse(null), "geom") + " ORDER BY code";
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Boundary> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Boundary(rs.getString("code"), rs.getString("name"), GeometryColumns.read(rs, "wkb")));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read boundaries", e);
        }
    }

    /** The boundary with this code, if stored. */
    public Optional<Boundary> find(String code) {
        try (Connection c = database.connect();
             PreparedStatement ps = c.prepareStatement("SELECT code, name, ST_AsBinary(geom) AS wkb FROM geo_boundary WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Boundary(rs.getString("code"), rs.getString("name"),
                        GeometryColumns.read(rs, "wkb"))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read boundary " + code, e);
        }
    }
}
