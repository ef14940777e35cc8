package org.sightline.ingest.simulator.adapter;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.sightline.ingest.simulator.domain.RouteCamera;

/**
 * What really passed the simulated cameras, written to {@code simulation_ground_truth} in batches
 * (the benchmarks score matching and alerting against it): one row per read a camera made, with
 * the true plate, the plate the unit reported and how the read was delivered.
 */
final class GroundTruth {

    /** One camera passing as it really was. */
    record Truth(UUID readId, UUID journeyId, RouteCamera camera, String truePlate, String readPlate, Instant at,
                 String delivery) {
    }

    private final DataSource dataSource;
    private final PrintStream log;
    private final ConcurrentLinkedQueue<Truth> pending = new ConcurrentLinkedQueue<>();

    GroundTruth(DataSource dataSource, PrintStream log) {
        this.dataSource = dataSource;
        this.log = log;
    }

    void add(Truth truth) {
        pending.add(truth);
    }

    /** Writes what is pending; on failure keeps it for the next call. */
    void flush() {
        List<Truth> batch = new ArrayList<>();
        Truth t;
        while ((t = pending.poll()) != null) {
            batch.add(t);
        }
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO simulation_ground_truth (read_id, journey_id, unit_id, camera_id, "
                     + "true_plate, read_plate, misread, captured_at, delivery) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (Truth x : batch) {
                ps.setObject(1, x.readId());
                ps.setObject(2, x.journeyId());
                ps.setString(3, x.camera().unitId());
                ps.setString(4, x.camera().cameraId());
                ps.setString(5, x.truePlate());
                ps.setString(6, x.readPlate());
                ps.setBoolean(7, !x.truePlate().equals(x.readPlate()));
                ps.setTimestamp(8, Timestamp.from(x.at()));
                ps.setString(9, x.delivery());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            pending.addAll(batch); // keep it for the next try
            log.println("simulator: ground truth not written yet: " + e.getMessage());
        }
    }
}
