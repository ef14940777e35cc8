package org.sightline.geo.camera.adapter.db;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Point;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.Deployment;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.camera.domain.Resolution;
import org.sightline.geo.camera.domain.RoadsideUnit;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.GeometryColumns;
import org.sightline.geo.db.StagedCopy;
import org.sightline.geo.db.StoreException;

/**
 * The camera estate in PostGIS ({@code geo_camera}, {@code geo_roadside_unit}), keyed by id: a
 * re-import replaces. A camera naming a unit that is not stored yet creates that unit at the
 * camera's position.
 */
@Singleton
public class CameraStore {

    private static final List<String> COLUMNS = List.of("id", "unit_id", "kind", "deployment", "mount_height_metres",
            "azimuth_degrees", "horizontal_fov_degrees", "resolution", "status", "source", "geom");

    private final GeoDatabase database;

    public CameraStore(GeoDatabase database) {
        this.database = database;
    }

    /** Inserts or replaces the cameras; returns how many camera rows were written. */
    public long upsert(Collection<Camera> cameras, String source) {
        try (StagedCopy copy = StagedCopy.begin(database.connect(), "geo_camera", COLUMNS)) {
            for (Camera c : cameras) {
                copy.text(c.id().value()).text(c.unitId().map(UnitId::value).orElse(null)).text(c.kind().name())
                        .text(c.deployment().name()).number(c.mountHeightMetres()).number(c.azimuth().degrees())
                        .number(c.horizontalFovDegrees()).text(c.resolution().toString()).text(c.status().name())
                        .text(source).geometry(Wgs84.point(c.position()));
                copy.endRow();
            }
            String stage = copy.stage();
            return copy.finish(connection -> {
                try (Statement st = connection.createStatement()) {
                    st.executeUpdate("INSERT INTO geo_roadside_unit (id, name, status, source, geom)"
                            + " SELECT DISTINCT ON (unit_id) unit_id, unit_id, 'ACTIVE', source, geom FROM " + stage
                            + " WHERE unit_id IS NOT NULL ORDER BY unit_id, id ON CONFLICT (id) DO NOTHING");
                    return st.executeUpdate("INSERT INTO geo_camera (" + String.join(", ", COLUMNS) + ") SELECT DISTINCT ON (id) "
                            + String.join(", ", COLUMNS) + " FROM " + stage + " ORDER BY id ON CONFLICT (id) DO UPDATE SET"
                            + " unit_id = EXCLUDED.unit_id, kind = EXCLUDED.kind, deployment = EXCLUDED.deployment,"
                            + " mount_height_metres = EXCLUDED.mount_height_metres, azimuth_degrees = EXCLUDED.azimuth_degrees,"
                            + " horizontal_fov_degrees = EXCLUDED.horizontal_fov_degrees, resolution = EXCLUDED.resolution,"
                            + " status = EXCLUDED.status, source = EXCLUDED.source, geom = EXCLUDED.geom");
                }
            });
        } catch (IOException | SQLException e) {
            throw new StoreException("cannot store cameras", e);
        }
    }

    /** Cameras inside the box (all when empty), by id; covert ones only when {@code includeCovert}. */
    public List<Camera> list(Optional<BoundingBox> bbox, boolean includeCovert) {
        String sql = "SELECT id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees, horizontal_fov_degrees,"
                + " resolution, status, ST_AsBinary(geom) AS wkb FROM geo_camera WHERE "
                + GeometryColumns.bboxClause(bbox.orElse(null), "geom")
                + (includeCovert ? "" : " AND deployment = 'OVERT'") + " ORDER BY id";
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<Camera> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Camera(new CameraId(rs.getString("id")),
                        Optional.ofNullable(rs.getString("unit_id")).map(UnitId::new),
                        Wgs84.position((Point) GeometryColumns.read(rs, "wkb")),
                        CameraKind.valueOf(rs.getString("kind")), Deployment.valueOf(rs.getString("deployment")),
                        rs.getDouble("mount_height_metres"), new Bearing(rs.getDouble("azimuth_degrees")),
                        rs.getDouble("horizontal_fov_degrees"), Resolution.parse(rs.getString("resolution")),
                        EquipmentStatus.valueOf(rs.getString("status"))));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read cameras", e);
        }
    }

    /** Roadside units inside the box (all when empty), each with the ids of its cameras. */
    public List<RoadsideUnit> listUnits(Optional<BoundingBox> bbox) {
        String sql = "SELECT u.id, u.name, u.status, ST_AsBinary(u.geom) AS wkb,"
                + " coalesce(array_agg(c.id ORDER BY c.id) FILTER (WHERE c.id IS NOT NULL), '{}') AS cameras"
                + " FROM geo_roadside_unit u LEFT JOIN geo_camera c ON c.unit_id = u.id WHERE "
                + GeometryColumns.bboxClause(bbox.orElse(null), "u.geom") + " GROUP BY u.id ORDER BY u.id";
        try (Connection c = database.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<RoadsideUnit> out = new ArrayList<>();
            while (rs.next()) {
                List<CameraId> ids = new ArrayList<>();
                for (String id : (String[]) rs.getArray("cameras").getArray()) {
                    ids.add(new CameraId(id));
                }
                out.add(new RoadsideUnit(new UnitId(rs.getString("id")), rs.getString("name"),
                        Wgs84.position((Point) GeometryColumns.read(rs, "wkb")),
                        EquipmentStatus.valueOf(rs.getString("status")), ids));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read roadside units", e);
        }
    }
}
