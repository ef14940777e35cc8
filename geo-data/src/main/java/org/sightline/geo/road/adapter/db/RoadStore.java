package org.sightline.geo.road.adapter.db;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.locationtech.jts.geom.LineString;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.GeometryColumns;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;

/** Road segments in PostGIS ({@code geo_road_segment}), keyed by segment id: re-import replaces. */
@Singleton
public class RoadStore {

    private static final List<String> COLUMNS = List.of("id", "road_class", "road_number", "name", "direction",
            "approximate", "source", "geom");

    private final GeoDatabase database;

    public RoadStore(GeoDatabase database) {
        this.database = database;
    }

    /**
     * A bulk load (COPY) of segments from one source; give it every segment, then call
     * {@link Load#finish()}. Closing an unfinished load stores nothing.
     */
    public Load begin(String source) {
        try {
            return new Load(StagedCopy.begin(database.connect(), "geo_road_segment", COLUMNS), source);
        } catch (SQLException e) {
            throw new StoreException("cannot start loading roads", e);
        }
    }

    /** Segments meeting the box (all when empty), optionally only the arterial ones. */
    public List<RoadSegment> list(Optional<BoundingBox> bbox, Optional<ArterialSelection> arterial) {
        StringBuilder sql = new StringBuilder("SELECT id, road_class, road_number, name, direction, approximate,"
                + " ST_AsBinary(geom) AS wkb FROM geo_road_segment WHERE ")
                .append(GeometryColumns.bboxClause(bbox.orElse(null), "geom"));
        if (arterial.isPresent()) {
            sql.append(" AND (road_class = ANY (?) OR road_number = ANY (?) OR upper(replace(name, ' ', '')) = ANY (?))");
        }
        sql.append(" ORDER BY road_number, id");
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            if (arterial.isPresent()) {
                ps.setArray(1, c.createArrayOf("text", arterial.get().classes().stream().map(Enum::name).toArray()));
                Object[] numbers = arterial.get().numbers().toArray();
                ps.setArray(2, c.createArrayOf("text", numbers));
                ps.setArray(3, c.createArrayOf("text", numbers));
            }
            List<RoadSegment> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RoadSegment(rs.getString("id"), RoadClass.valueOf(rs.getString("road_class")),
                            rs.getString("road_number"), rs.getString("name"), (LineString) GeometryColumns.read(rs, "wkb"),
                            TravelDirection.valueOf(rs.getString("direction")), rs.getBoolean("approximate")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read roads", e);
        }
    }

    /** One bulk load of road segments. Not thread-safe. */
    public static final class Load implements Consumer<RoadSegment>, AutoCloseable {
        private final StagedCopy copy;
        private final String source;

        Load(StagedCopy copy, String source) {
            this.copy = copy;
            this.source = source;
        }

        @Override
        public void accept(RoadSegment s) {
            try {
                copy.text(s.id()).text(s.roadClass().name()).text(s.roadNumber()).text(s.name())
                        .text(s.direction().name()).bool(s.approximate()).text(source).geometry(s.geometry());
                copy.endRow();
            } catch (IOException e) {
                throw new StoreException("cannot stream road segments to the database", e);
            }
        }

        /** Stores the staged segments (replacing those with the same id) and commits; returns rows written. */
        public long finish() {
            try {
                return copy.finish("INSERT INTO geo_road_segment (" + String.join(", ", COLUMNS) + ") SELECT DISTINCT ON (id) "
                        + String.join(", ", COLUMNS) + " FROM " + copy.stage() + " ORDER BY id ON CONFLICT (id) DO UPDATE SET"
                        + " road_class = EXCLUDED.road_class, road_number = EXCLUDED.road_number, name = EXCLUDED.name,"
                        + " direction = EXCLUDED.direction, approximate = EXCLUDED.approximate, source = EXCLUDED.source,"
                        + " geom = EXCLUDED.geom");
            } catch (IOException | SQLException e) {
                throw new StoreException("cannot store road segments", e);
            }
        }

        @Override
        public void close() {
            copy.close();
        }
    }
}
