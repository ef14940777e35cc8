package org.sightline.ingest.simulator.adapter;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.ingest.simulator.domain.RouteCamera;

/**
 * The ANPR cameras the simulator drives past, from the camera estate in the database: each camera
 * is matched to its nearest motorway or A road within 250 m, and cameras on one road are ordered
 * along it (by their position along the line between its two end cameras, in a metric projection).
 */
public final class SimulatedEstate {

    private SimulatedEstate() {
    }

    /** Every active ANPR camera on a registered unit, with its road; empty when there are none. */
    public static List<RouteCamera> load(DataSource dataSource) throws SQLException {
        String sql = """
                SELECT c.id, c.unit_id, ST_X(c.geom), ST_Y(c.geom), r.road
                FROM geo_camera c
                JOIN geo_roadside_unit u ON u.id = c.unit_id AND u.status <> 'DECOMMISSIONED'
                LEFT JOIN LATERAL (
                    SELECT coalesce(nullif(s.road_number, ''), nullif(s.name, '')) AS road
                    FROM geo_road_segment s
                    WHERE s.road_class IN ('MOTORWAY', 'A_ROAD')
                      AND ST_DWithin(s.geom::geography, c.geom::geography, 250)
                    ORDER BY s.geom <-> c.geom LIMIT 1) r ON true
                WHERE c.kind = 'ANPR' AND c.status IN ('ACTIVE', 'FAULTY')
                ORDER BY c.id""";
        Map<String, List<Object[]>> byRoad = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String road = rs.getString(5);
                LonLat p = new LonLat(rs.getDouble(3), rs.getDouble(4));
                String key = road == null ? "local:" + rs.getString(1) : road;
                byRoad.computeIfAbsent(key, k -> new ArrayList<>()).add(new Object[] {rs.getString(1), rs.getString(2), p});
            }
        }
        List<RouteCamera> out = new ArrayList<>();
        ProjectionService projections = new ProjectionService();
        for (Map.Entry<String, List<Object[]>> e : byRoad.entrySet()) {
            List<Object[]> cams = e.getValue();
            MetricProjection grid = projections.forPosition((LonLat) cams.get(0)[2]);
            List<GridPoint> pts = cams.stream().map(x -> grid.project((LonLat) x[2])).toList();
            GridPoint a = pts.get(0);
            GridPoint b = pts.get(0);
            double best = -1;
            for (GridPoint p : pts) {
                for (GridPoint q : pts) {
                    double d = p.distanceMetres(q);
                    if (d > best) {
                        best = d;
                        a = p;
                        b = q;
                    }
                }
            }
            double dx = b.eastingMetres() - a.eastingMetres();
            double dy = b.northingMetres() - a.northingMetres();
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            for (int i = 0; i < cams.size(); i++) {
                GridPoint p = pts.get(i);
                double along = ((p.eastingMetres() - a.eastingMetres()) * dx + (p.northingMetres() - a.northingMetres()) * dy) / len;
                out.add(new RouteCamera((String) cams.get(i)[0], (String) cams.get(i)[1], (LonLat) cams.get(i)[2], e.getKey(), along));
            }
        }
        return out;
    }
}
