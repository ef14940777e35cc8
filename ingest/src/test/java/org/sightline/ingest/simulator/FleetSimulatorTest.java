package org.sightline.ingest.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.crs.LonLat;
import org.sightline.ingest.intake.UnitTopics;
import org.sightline.ingest.read.adapter.mqtt.ReadIntake;
import org.sightline.ingest.simulator.adapter.FleetSimulator;
import org.sightline.ingest.simulator.adapter.SimulatedEstate;
import org.sightline.ingest.simulator.domain.RouteCamera;
import org.sightline.ingest.simulator.domain.SimulatorSettings;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.testing.TestDatabase;

/**
 * The simulator drives a small estate on an A road through the real broker into the real intake:
 * what it says it delivered is stored once, misreads are stored as read, malformed messages are
 * dead-lettered, the silent camera reads nothing, and a unit's backlog arrives after its outage.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FleetSimulatorTest implements TestPropertyProvider {

    static final String BROKER = "tcp://127.0.0.1:1883";

    @Inject
    DataSource migrated;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    void theFleetsReadsArriveOnceAndTheGroundTruthAccountsForEveryOne() throws Exception {
        IntakeFixture f = new IntakeFixture();
        String p = "S" + UUID.randomUUID().toString().substring(0, 6);
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO geo_road_segment (id, road_class, road_number, name, direction, source, geom) VALUES ('" + p
                    + "-road', 'A_ROAD', 'A580', 'East Lancashire Road', 'BOTH', 'test', "
                    + "ST_GeomFromText('LINESTRING(-2.90 53.47, -2.80 53.49)', 4326))");
            for (int i = 0; i < 4; i++) {
                double lon = -2.89 + i * 0.025;
                double lat = 53.472 + i * 0.005;
                String unit = p + "-U" + i;
                st.execute("INSERT INTO geo_roadside_unit (id, name, status, source, geom) VALUES ('" + unit + "', 'sim', 'ACTIVE', "
                        + "'test', ST_SetSRID(ST_MakePoint(" + lon + ", " + lat + "), 4326))");
                st.execute("INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees, "
                        + "horizontal_fov_degrees, resolution, status, source, geom) VALUES ('" + unit + "-A', '" + unit
                        + "', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(" + lon + ", "
                        + lat + "), 4326))");
            }
        }
        List<RouteCamera> estate = SimulatedEstate.load(IntakeFixture.dataSource(5432)).stream()
                .filter(r -> r.unitId().startsWith(p)).toList();
        assertThat(estate).hasSize(4).allSatisfy(r -> assertThat(r.road()).isEqualTo("A580"));
        SimulatorSettings settings = new SimulatorSettings(900, 0.2, 0.2, 0.05, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(2), 1, 7);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ReadIntake intake = f.startIntake(BROKER, "a", IntakeFixture.dataSource(5432));
             FleetSimulator sim = new FleetSimulator(IntakeFixture.clients(BROKER), IntakeFixture.dataSource(5432),
                     new UnitTopics(f.root), settings, estate, new PrintStream(log, true))) {
            // a quarter of the journeys by two known vehicles (the demo's watch-listed ones)
            sim.alsoDrive(List.of("WA51DEM", "CY07TST"), 0.25);
            sim.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.backlogReads() > 0 && sim.unitsAway() == 0 && sim.reads() >= 60);
            sim.close();
            String q = "FROM simulation_ground_truth g WHERE g.unit_id LIKE '" + p + "%'";
            long delivered = IntakeFixture.scalar("SELECT count(*) " + q + " AND delivery <> 'MALFORMED'");
            assertThat(delivered).isGreaterThan(40);
            await().atMost(Duration.ofSeconds(15)).until(() -> IntakeFixture.scalar("SELECT count(*) " + q
                    + " AND delivery <> 'MALFORMED' AND EXISTS (SELECT 1 FROM plate_read r WHERE r.read_id = g.read_id)") == delivered);
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM plate_read WHERE unit_id LIKE '" + p + "%'")).isEqualTo(delivered);
            assertThat(IntakeFixture.scalar("SELECT count(*) " + q + " AND delivery = 'MALFORMED' AND EXISTS "
                    + "(SELECT 1 FROM plate_read r WHERE r.read_id = g.read_id)")).isZero();
            assertThat(IntakeFixture.scalar("SELECT count(*) " + q + " AND delivery = 'DUPLICATED'")).isPositive();
            assertThat(IntakeFixture.scalar("SELECT count(*) " + q + " AND delivery = 'BACKLOG'")).isPositive();
            assertThat(IntakeFixture.scalar("SELECT count(*) " + q + " AND misread")).isPositive();
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM simulation_ground_truth g JOIN plate_read r USING (read_id) "
                    + "WHERE g.unit_id LIKE '" + p + "%' AND r.plate <> g.read_plate"))
                    .isZero();
            assertThat(IntakeFixture.scalar("SELECT count(DISTINCT camera_id) " + q)).isEqualTo(3); // one camera is silent
            long byKnown = IntakeFixture.scalar("SELECT count(*) " + q + " AND g.true_plate IN ('WA51DEM', 'CY07TST')");
            assertThat(byKnown).isPositive().isLessThan(IntakeFixture.scalar("SELECT count(*) " + q) / 2);
            if (IntakeFixture.scalar("SELECT count(*) " + q + " AND delivery = 'MALFORMED'") > 0) {
                assertThat(f.deadLetters()).isPositive();
            }
            assertThat(log.toString()).contains("dropped off the network").contains("sent a backlog");
            // the units' OCR alternatives are stored with the reads; most misreads hold the true plate among them
            String misreads = "FROM simulation_ground_truth g JOIN plate_read r USING (read_id) WHERE g.unit_id LIKE '" + p
                    + "%' AND g.misread";
            assertThat(IntakeFixture.scalar("SELECT count(*) FROM plate_read WHERE unit_id LIKE '" + p
                    + "%' AND jsonb_array_length(alternatives) > 0")).isPositive();
            assertThat(IntakeFixture.scalar("SELECT count(*) " + misreads + " AND r.alternatives @> "
                    + "jsonb_build_array(jsonb_build_object('plate', g.true_plate))") * 2)
                    .isGreaterThan(IntakeFixture.scalar("SELECT count(*) " + misreads));
        }
    }

    @Test
    void twoFleetsOfTheSameUnitsOnOneBrokerNeverThrowEachOtherOffThroughOutagesAndReconnects() throws Exception {
        String p = "T" + UUID.randomUUID().toString().substring(0, 6);
        List<RouteCamera> estate = List.of(new RouteCamera(p + "-A", p + "-U1", new LonLat(-2.89, 53.47), "A580", 0),
                new RouteCamera(p + "-B", p + "-U2", new LonLat(-2.87, 53.48), "A580", 1_500));
        SimulatorSettings outages = new SimulatorSettings(1, 0.03, 0, 0, Duration.ofSeconds(30), Duration.ofMillis(700),
                Duration.ofMillis(300), 0, 1);
        UnitTopics topics = new UnitTopics("test-" + p);
        PrintStream log = new PrintStream(new ByteArrayOutputStream(), true);
        AtomicInteger thrownOff = new AtomicInteger();
        try (FleetSimulator a = new FleetSimulator(IntakeFixture.clients(BROKER), IntakeFixture.dataSource(5432), topics, outages,
                estate, log);
             FleetSimulator b = new FleetSimulator(IntakeFixture.clients(BROKER), IntakeFixture.dataSource(5432), topics, outages,
                     estate, log)) {
            a.start();
            b.start();
            assertThat(a.clientIdOf(p + "-U1")).startsWith("sim-").isNotEqualTo(b.clientIdOf(p + "-U1"));
            // each fleet's units drop off and come back (same client, same id) several times; with one
            // client id per unit, a unit connecting in one fleet would throw the other fleet's off
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
                thrownOff.accumulateAndGet(a.unitsThrownOff() + b.unitsThrownOff(), Math::max);
                return a.outages() >= 3 && b.outages() >= 3;
            });
        }
        assertThat(thrownOff).hasValue(0);
        FleetSimulator named = new FleetSimulator(IntakeFixture.clients(BROKER), IntakeFixture.dataSource(5432), topics, outages,
                estate, log, "depot-sim");
        assertThat(named.clientIdOf(p + "-U1")).isEqualTo("depot-sim-" + p + "-U1");
        assertThatThrownBy(() -> new FleetSimulator(IntakeFixture.clients(BROKER), IntakeFixture.dataSource(5432), topics, outages,
                estate, log, "two words")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client id prefix");
    }
}
