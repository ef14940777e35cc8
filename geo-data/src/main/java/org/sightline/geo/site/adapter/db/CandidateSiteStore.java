package org.sightline.geo.site.adapter.db;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.GeometryColumns;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.geo.site.domain.SiteId;

/** Candidate sites in PostGIS ({@code geo_candidate_site}), keyed by id: a re-import replaces. */
@Singleton
public class CandidateSiteStore {

    private static final List<String> COLUMNS = List.of("id", "cost_gbp", "constraints", "source", "geom");

    private final GeoDatabase database;

    public CandidateSiteStore(GeoDatabase database) {
        this.database = database;
    }

    /** Inserts or replaces the sites; returns how many rows were written. */
    public long upsert(Collection<CandidateSite> sites, String source) {
        try (StagedCopy copy = StagedCopy.begin(database.connect(), "geo_candidate_site", COLUMNS)) {
            for (CandidateSite s : sites) {
                copy.text(s.id().value()).number(s.costGbp())
                        .textArray(s.constraints().stream().map(Enum::name).sorted().toList())
                        .text(s.source().isEmpty() ? source : s.source()).geometry(Wgs84.point(s.position()));
                copy.endRow();
            }
            return copy.finish("INSERT INTO geo_candidate_site (" + String.join(", ", COLUMNS) + ") SELECT DISTINCT ON (id) "
                    + String.join(", ", COLUMNS) + " FROM " + copy.stage() + " ORDER BY id ON CONFLICT (id) DO UPDATE SET"
                    + " cost_gbp = EXCLUDED.cost_gbp, constraints = EXCLUDED.constraints, source = EXCLUDED.source,"
                    + " geom = EXCLUDED.geom");
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot store candidate sites", e);
        }
    }

    /** Sites inside the box (all when empty), by id. */
    public List<CandidateSite> list(Optional<BoundingBox> bbox) {
        String sql = "SELECT id, cost_gbp, constraints, source, ST_AsBinary(geom) AS wkb FROM geo_candidate_site WHERE "
                + GeometryColumns.bboxClause(bbox.orElse(null), "geom") + " ORDER BY id";
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<CandidateSite> out = new ArrayList<>();
            while (rs.next()) {
                Set<SiteConstraint> constraints = EnumSet.noneOf(SiteConstraint.class);
                for (String s : (String[]) rs.getArray("constraints").getArray()) {
                    constraints.add(SiteConstraint.valueOf(s));
                }
                out.add(new CandidateSite(new SiteId(rs.getString("id")), Wgs84.position((Point) GeometryColumns.read(rs, "wkb")),
                        rs.getBigDecimal("cost_gbp").doubleValue(), constraints, rs.getString("source")));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read candidate sites", e);
        }
    }
}
