package org.sightline.app.cli.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.simulator.adapter.FleetSimulator;
import org.sightline.ingest.simulator.domain.RouteCamera;
import org.sightline.ingest.simulator.domain.SimulatorSettings;
import org.sightline.platform.mqtt.MqttClients;

/**
 * The read stream of ingest's roadside-unit simulator ({@link FleetSimulator}) as it reached the
 * broker, with the simulator's ground truth for every read: the simulator runs on the estate's
 * ANPR cameras under a topic root of its own while a plain subscriber records every read message
 * in arrival order; afterwards the truth is taken from {@code simulation_ground_truth}.
 */
final class SimulatorRecording {

    /** One read message as a unit published it. */
    record Message(String unitId, byte[] payload) {
    }

    /** What really passed a camera, and how the unit delivered its read. */
    record Truth(UUID readId, UUID journeyId, String truePlate, String readPlate, boolean misread, String delivery) {
    }

    private final List<Message> messages;
    private final Map<UUID, Truth> truth;
    private final String summary;

    private SimulatorRecording(List<Message> messages, Map<UUID, Truth> truth, String summary) {
        this.messages = List.copyOf(messages);
        this.truth = truth;
        this.summary = summary;
    }

    /** The read messages in the order the broker delivered them. */
    List<Message> messages() {
        return messages;
    }

    /** Ground truth by read id, in capture order. */
    Map<UUID, Truth> truth() {
        return truth;
    }

    /** The simulator's own totals. */
    String summary() {
        return summary;
    }

    /**
     * Runs the simulator until its cameras have made {@code reads} reads (or {@code maxSeconds}
     * pass), then stops it and collects what was published and what was true.
     */
    static SimulatorRecording record(MqttClients clients, DataSource dataSource, List<RouteCamera> cameras,
                                     SimulatorSettings settings, long reads, int maxSeconds, PrintStream out)
            throws MqttException, SQLException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String root = "bench-sim-" + run;
        // the simulator names its unit clients after the units: give them ids of this run so that a
        // simulator running elsewhere on the same broker is not disconnected
        MqttClients ownIds = new MqttClients(clients.config()) {
            @Override
            public MqttClient newClient(String clientId) throws MqttException {
                return super.newClient("bench-" + run + "-" + clientId);
            }

            @Override
            public MqttAsyncClient newAsyncClient(String clientId) throws MqttException {
                return super.newAsyncClient("bench-" + run + "-" + clientId);
            }
        };
        ConcurrentLinkedQueue<Message> received = new ConcurrentLinkedQueue<>();
        AtomicLong lastArrival = new AtomicLong(System.nanoTime());
        MqttClient recorder = clients.newClient("bench-recorder-" + run);
        recorder.connect(clients.options(true, 0));
        IMqttMessageListener listener = (topic, message) -> {
            String[] parts = topic.split("/");
            received.add(new Message(parts[parts.length - 2], message.getPayload()));
            lastArrival.set(System.nanoTime());
        };
        recorder.subscribe(new MqttSubscription[] {new MqttSubscription(new UnitTopics(root).filter(UnitTopics.Kind.READS), 1)},
                new IMqttMessageListener[] {listener});
        Instant from = Instant.now().minusSeconds(1);
        String simulatorSummary;
        long t0 = System.nanoTime();
        try (FleetSimulator sim = new FleetSimulator(ownIds, dataSource, new UnitTopics(root), settings, cameras,
                new PrintStream(OutputStream.nullOutputStream()))) {
            sim.start();
            long next = t0 + TimeUnit.SECONDS.toNanos(10);
            while (sim.reads() < reads && System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(maxSeconds)) {
                Thread.sleep(100);
                if (System.nanoTime() > next) {
                    out.printf(Locale.ROOT, "  simulator: %,d reads so far (%,.0f reads/s)%n", sim.reads(),
                            sim.reads() / ((System.nanoTime() - t0) / 1e9));
                    next += TimeUnit.SECONDS.toNanos(10);
                }
            }
            simulatorSummary = sim.summary();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // the last messages are still on their way from the broker
        while (System.nanoTime() - lastArrival.get() < TimeUnit.SECONDS.toNanos(2)) {
            Thread.sleep(100);
        }
        recorder.disconnect();
        recorder.close();
        Map<UUID, Truth> truth = load(dataSource, cameras, from);
        out.printf(Locale.ROOT, "  simulator ran %.0f s: %s; %,d read messages recorded%n", seconds, simulatorSummary,
                received.size());
        return new SimulatorRecording(new ArrayList<>(received), truth, simulatorSummary);
    }

    private static Map<UUID, Truth> load(DataSource dataSource, List<RouteCamera> cameras, Instant from) throws SQLException {
        Map<UUID, Truth> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("SELECT read_id, journey_id,"
                + " true_plate, read_plate, misread, delivery FROM simulation_ground_truth WHERE captured_at >= ?"
                + " AND camera_id = ANY (?) ORDER BY captured_at")) {
            Array ids = c.createArrayOf("text", cameras.stream().map(RouteCamera::cameraId).toArray());
            st.setTimestamp(1, Timestamp.from(from));
            st.setArray(2, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    out.put(id, new Truth(id, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            rs.getString(6)));
                }
            }
        }
        return out;
    }
}
