package org.sightline.ingest.read.adapter.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.read.domain.KnownEquipment;

/**
 * The camera estate from geo-data's tables ({@code geo_roadside_unit}, {@code geo_camera}), kept
 * in memory and reloaded when a read names something not known (at most once per
 * {@code minReload}), so that a newly registered unit is recognised within seconds without a
 * query per read. Thread-safe.
 */
public final class EquipmentRegistry {

    private final DataSource dataSource;
    private final long minReloadNanos;
    private volatile KnownEquipment known = KnownEquipment.NONE;
    private long loadedAtNanos = Long.MIN_VALUE / 2;

    public EquipmentRegistry(DataSource dataSource, Duration minReload) {
        this.dataSource = dataSource;
        this.minReloadNanos = minReload.toNanos();
    }

    /**
     * Why a read from this unit and camera cannot be taken in, or empty when it can.
     *
     * @throws SQLException when the estate has to be reloaded and the database cannot be reached
     */
    public Optional<String> problem(UnitId unit, CameraId camera) throws SQLException {
        Optional<String> p = known.problem(unit, camera);
        if (p.isPresent()) {
            reloadIfAllowed();
            // look again even when this thread did not reload: another may have while this one waited
            p = known.problem(unit, camera);
        }
        return p;
    }

    /**
     * Why a message from this unit cannot be taken in, or empty when it can.
     *
     * @throws SQLException when the estate has to be reloaded and the database cannot be reached
     */
    public Optional<String> unitProblem(UnitId unit) throws SQLException {
        Optional<String> p = known.unitProblem(unit);
        if (p.isPresent()) {
            reloadIfAllowed();
            // look again even when this thread did not reload: another may have while this one waited
            p = known.unitProblem(unit);
        }
        return p;
    }

    /** Loads the estate now. */
    public synchronized void reload() throws SQLException {
        Map<String, Boolean> units = new HashMap<>();
        Map<String, String> cameras = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT id, status FROM geo_roadside_unit")) {
                while (rs.next()) {
                    units.put(rs.getString(1), "DECOMMISSIONED".equals(rs.getString(2)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, coalesce(unit_id, '') FROM geo_camera")) {
                while (rs.next()) {
                    cameras.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        known = new KnownEquipment(units, cameras);
        loadedAtNanos = System.nanoTime();
    }

    private synchronized void reloadIfAllowed() throws SQLException {
        if (System.nanoTime() - loadedAtNanos >= minReloadNanos) {
            reload();
        }
    }
}
