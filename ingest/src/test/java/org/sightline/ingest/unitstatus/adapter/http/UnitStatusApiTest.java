package org.sightline.ingest.unitstatus.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.ingest.testing.IntakeFixture;
import org.sightline.testing.TestDatabase;

/** The engineer's unit overview: status, health, hourly read counts, faults and the "needs a visit" reasons. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitStatusApiTest implements TestPropertyProvider {

    @Inject
    DataSource migrated;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOverviewShowsStatusReadRateFaultsAndWhyAUnitNeedsAVisit() throws Exception {
        IntakeFixture f = new IntakeFixture().registerEstate();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("SELECT ingest_ensure_plate_read_partition((now() AT TIME ZONE 'UTC')::date)");
            st.execute("SELECT ingest_ensure_plate_read_partition((now() AT TIME ZONE 'UTC')::date - 1)");
            st.execute("INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence, captured_at, "
                    + "received_at, late, position_from_camera, geom) SELECT gen_random_uuid(), '" + f.unit + "', '" + f.camera
                    + "', 'AB12CDE', 'AB12CDE', true, 0.9, now() - make_interval(mins => g), now(), false, true, "
                    + "ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326) FROM generate_series(1, 90) g");
            st.execute("INSERT INTO unit_status (unit_id, state, since, last_heartbeat_at, firmware, disk_free_bytes) VALUES ('"
                    + f.unit + "', 'STALE', now(), now() - interval '50 seconds', '2.4.1', 1000000)");
            st.execute("INSERT INTO camera_status (camera_id, unit_id, fault, reason, since) VALUES ('" + f.camera + "', '"
                    + f.unit + "', true, 'no frame since 12:00', now())");
        }
        List<Map<String, Object>> units = http.toBlocking().retrieve(HttpRequest.GET("/api/ingest/units"),
                Argument.listOf(Argument.mapOf(String.class, Object.class)));
        Map<String, Object> u = units.stream().filter(m -> f.unit.equals(m.get("unitId"))).findFirst().orElseThrow();
        assertThat(u.get("state")).isEqualTo("STALE");
        assertThat(u.get("firmware")).isEqualTo("2.4.1");
        assertThat(((Number) u.get("readsLastHour")).longValue()).isEqualTo(59);
        List<Number> perHour = (List<Number>) u.get("readsPerHour");
        assertThat(perHour).hasSize(12);
        assertThat(perHour.get(11).longValue() + perHour.get(10).longValue()).isEqualTo(90);
        assertThat(u.get("needsVisit")).isEqualTo(true);
        assertThat((List<String>) u.get("visitReasons")).containsExactly("heartbeats late", "camera fault", "disk nearly full");
        assertThat((List<Map<String, Object>>) u.get("faults")).singleElement()
                .satisfies(fault -> assertThat(fault.get("cameraId")).isEqualTo(f.camera));
        assertThat(((Number) u.get("lon")).doubleValue()).isEqualTo(-2.85);
    }

    @Test
    void anUnknownUnitsHistoryIsNotFoundAndTheEventStreamAsksForEventStreamClients() {
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/ingest/units/nobody/history"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.GET("/api/ingest/units/events")
                .accept(MediaType.APPLICATION_JSON_TYPE), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(406));
    }
}
