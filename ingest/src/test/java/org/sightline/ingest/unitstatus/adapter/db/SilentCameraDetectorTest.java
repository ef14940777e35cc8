package org.sightline.ingest.unitstatus.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.ingest.unitstatus.domain.SilentCameraRule;
import org.sightline.testing.TestDatabase;

/** A camera that read 40 plates in this hour of the week for four weeks and 2 this hour is flagged; its neighbour is not. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SilentCameraDetectorTest implements TestPropertyProvider {

    @Inject
    DataSource migrated;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    private static void reads(Statement st, IntakeFixture f, String camera, Instant hourEnd, int count) throws Exception {
        st.execute("SELECT ingest_ensure_plate_read_partition(('" + hourEnd + "'::timestamptz AT TIME ZONE 'UTC')::date)");
        st.execute("SELECT ingest_ensure_plate_read_partition(('" + hourEnd.minusSeconds(3600) + "'::timestamptz AT TIME ZONE 'UTC')::date)");
        st.execute("INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence, captured_at, "
                + "received_at, late, position_from_camera, geom) SELECT gen_random_uuid(), '" + f.unit + "', '" + camera
                + "', 'AB12CDE', 'AB12CDE', true, 0.9, '" + hourEnd + "'::timestamptz - make_interval(secs => g * 80), now(), false, "
                + "true, ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326) FROM generate_series(1, " + count + ") g");
    }

    @Test
    void aCameraFarBelowItsBaselineForThisHourOfTheWeekIsFlaggedOnceAndClearedWhenItRecovers() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            for (int week = 1; week <= 4; week++) {
                reads(st, f, f.camera, now.minus(7L * week, ChronoUnit.DAYS), 40);
                reads(st, f, f.otherCamera, now.minus(7L * week, ChronoUnit.DAYS), 40);
            }
            reads(st, f, f.camera, now, 2);
            reads(st, f, f.otherCamera, now, 38);
        }
        SilentCameraDetector detector = new SilentCameraDetector(IntakeFixture.dataSource(5432), SilentCameraRule.standard());
        List<UnitStatusStore.Change> changes = detector.check(now).stream().filter(ch -> ch.unitId().equals(f.unit)).toList();
        assertThat(changes).singleElement().satisfies(ch -> {
            assertThat(ch.cameraId()).contains(f.camera);
            assertThat(ch.to()).isEqualTo("SILENT");
            assertThat(ch.reason()).contains("2 reads in the last hour against 40 on average");
        });
        assertThat(detector.check(now).stream().filter(ch -> ch.unitId().equals(f.unit))).isEmpty();
        assertThat(IntakeFixture.scalar("SELECT count(*) FROM unit_status_history WHERE unit_id = '" + f.unit + "' AND to_state = 'SILENT'"))
                .isEqualTo(1);
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            reads(st, f, f.camera, now, 30);
        }
        assertThat(detector.check(now).stream().filter(ch -> ch.unitId().equals(f.unit)))
                .singleElement().satisfies(ch -> assertThat(ch.to()).isEqualTo("OK"));
    }
}
