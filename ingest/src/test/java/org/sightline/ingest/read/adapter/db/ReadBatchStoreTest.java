package org.sightline.ingest.read.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.intake.Delivery;
import org.sightline.ingest.read.adapter.mqtt.ReadPayloadDecoder;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.ReadTiming;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.testing.TestDatabase;

/**
 * The batch write on real PostGIS: what lands in {@code plate_read} and {@code plate_read_key}
 * for reads positioned by the unit and by their camera, copies of a read within one batch and
 * across batches, and a read whose camera has been removed.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadBatchStoreTest implements TestPropertyProvider {

    @Inject
    DataSource migrated; // creating it runs the migrations

    private final ReadPayloadDecoder decoder = new ReadPayloadDecoder(65_536,
            new ReadTiming(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90)));

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    void storesEachReadOnceWithItsPositionAndCaptureTimeToTheMicrosecond() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        UUID atCamera = UUID.randomUUID();
        UUID ownPosition = UUID.randomUUID();
        // nanoseconds beyond the microsecond are dropped, as PostgreSQL keeps time
        Instant captured = Instant.parse("2026-12-05T10:15:30.123456789Z");
        Instant firstArrival = Instant.now().minusMillis(5).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        String own = f.read(ownPosition, "AB12CDE", captured).replace("}", ",\"lon\":-2.8612345,\"lat\":53.4498765}");
        List<Delivery> batch = List.of(
                delivery(f, f.read(atCamera, "AB12CDE", captured), firstArrival),
                delivery(f, own, firstArrival),
                // a second copy within the batch, received later: the first copy's row is kept
                delivery(f, f.read(atCamera, "AB12CDE", captured), firstArrival.plusMillis(3)));
        try (Connection c = TestDatabase.get().connect()) {
            ReadBatchStore store = new ReadBatchStore(c);
            assertThat(store.write(batch)).isEqualTo(new ReadBatchStore.Outcome(2, 1, 0));
            // the same reads again, in another batch: nothing new
            assertThat(store.write(batch.subList(0, 2))).isEqualTo(new ReadBatchStore.Outcome(0, 2, 0));
        }
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT r.read_id, r.position_from_camera, ST_X(r.geom), ST_Y(r.geom), "
                     + "ST_SRID(r.geom), r.captured_at = k.captured_at, "
                     + "r.captured_at = timestamptz '2026-12-05 10:15:30.123456+00', r.received_at, r.stored_at IS NOT NULL "
                     + "FROM plate_read r JOIN plate_read_key k USING (read_id) WHERE r.unit_id = '" + f.unit + "' "
                     + "ORDER BY r.position_from_camera DESC")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, UUID.class)).isEqualTo(atCamera);
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getDouble(3)).isEqualTo(-2.851);
            assertThat(rs.getDouble(4)).isEqualTo(53.431);
            assertThat(rs.getInt(5)).isEqualTo(4326);
            assertThat(rs.getBoolean(6)).isTrue();
            assertThat(rs.getBoolean(7)).isTrue();
            assertThat(rs.getTimestamp(8).toInstant()).isEqualTo(firstArrival);
            assertThat(rs.getBoolean(9)).isTrue();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1, UUID.class)).isEqualTo(ownPosition);
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getDouble(3)).isEqualTo(-2.8612345);
            assertThat(rs.getDouble(4)).isEqualTo(53.4498765);
            assertThat(rs.getInt(5)).isEqualTo(4326);
            assertThat(rs.getBoolean(6)).isTrue();
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aReadWhoseCameraWasRemovedIsDeadLetteredAndTheRestStored() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        UUID lost = UUID.randomUUID();
        UUID placed = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Instant now = Instant.now();
        List<Delivery> batch = new ArrayList<>();
        batch.add(delivery(f, f.read(lost), now));
        // the same camera, but the unit gave the position: still storable
        batch.add(delivery(f, f.read(placed).replace("}", ",\"lon\":-2.86,\"lat\":53.44}"), now));
        batch.add(delivery(f, f.read(other).replace(f.camera, f.otherCamera), now));
        // checked against the estate when it arrived; removed before its batch was written
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM geo_camera WHERE id = '" + f.camera + "'");
        }
        try (Connection c = TestDatabase.get().connect()) {
            assertThat(new ReadBatchStore(c).write(batch)).isEqualTo(new ReadBatchStore.Outcome(2, 0, 1));
        }
        assertThat(f.storedOf(List.of(placed, other))).isEqualTo(2);
        assertThat(f.storedOf(List.of(lost))).isZero();
        assertThat(IntakeFixture.scalar("SELECT count(*) FROM plate_read_key WHERE read_id = '" + lost + "'")).isZero();
        assertThat(f.deadLetterReasons()).containsExactly("camera " + f.camera
                + " is no longer registered and the read has no position of its own");
    }

    private Delivery delivery(IntakeFixture f, String json, Instant receivedAt) {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        List<CheckedRead> reads = decoder.decode(new UnitId(f.unit), payload, receivedAt);
        assertThat(reads).allSatisfy(r -> assertThat(r).isInstanceOf(CheckedRead.Good.class));
        return new Delivery(f.readsTopic(), payload, receivedAt, System.nanoTime(), reads, d -> { });
    }
}
