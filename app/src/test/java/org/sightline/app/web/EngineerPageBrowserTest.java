package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.app.security.domain.Role;
import org.sightline.testing.TestDatabase;

/**
 * The engineer page in Chromium on the real service (PostGIS, the machine's Mosquitto): units
 * coloured by status on the map and in the table, the "needs a visit" filter, a unit's timeline,
 * and a live change when a unit's heartbeat arrives over MQTT. Screenshots in app/target/screenshots.
 */
class EngineerPageBrowserTest {

    static final Path SHOTS = HeadlessChromium.SHOTS;
    static final String ROOT = "btest-" + UUID.randomUUID().toString().substring(0, 8) + "/sightline/v1";
    static final String P = "E" + UUID.randomUUID().toString().substring(0, 6);

    static EmbeddedServer server;
    static HeadlessChromium chromium;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = BrowserTestService.start(Map.of("sightline.ingest.topic-root", ROOT, "sightline.ingest.instance-id", "browser-" + P));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            String[][] units = {
                {P + "-01", "Huyton Lane north", "-2.840", "53.414"},
                {P + "-02", "A580 East Lancs Rd", "-2.880", "53.460"},
                {P + "-03", "Prescot Road", "-2.800", "53.428"},
                {P + "-04", "M57 junction 4", "-2.860", "53.440"},
            };
            for (String[] u : units) {
                st.execute("INSERT INTO geo_roadside_unit (id, name, status, source, geom) VALUES ('" + u[0] + "', '" + u[1]
                        + "', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(" + u[2] + ", " + u[3] + "), 4326))");
                st.execute("INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees, "
                        + "horizontal_fov_degrees, resolution, status, source, geom) VALUES ('" + u[0] + "-A', '" + u[0]
                        + "', 'ANPR', 'OVERT', 6, 90, 30, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(" + u[2] + ", "
                        + u[3] + "), 4326))");
            }
            st.execute("INSERT INTO unit_status (unit_id, state, since, last_heartbeat_at, firmware, disk_free_bytes) VALUES "
                    + "('" + P + "-01', 'ONLINE', now(), now(), '2.4.1', 40000000000), "
                    + "('" + P + "-02', 'OFFLINE', now() - interval '3 hours', now() - interval '3 hours', '2.3.9', 30000000000), "
                    + "('" + P + "-03', 'ONLINE', now(), now(), '2.4.1', 900000000)");
            st.execute("INSERT INTO camera_status (camera_id, unit_id, fault, reason, since) VALUES ('" + P + "-01-A', '" + P
                    + "-01', true, 'frame rate collapsed to 0.2 fps', now())");
            st.execute("INSERT INTO unit_status_history (unit_id, from_state, to_state, at, reason) VALUES ('" + P
                    + "-02', 'ONLINE', 'OFFLINE', now() - interval '3 hours', 'unit went offline (Last Will or clean disconnect)')");
            st.execute("SELECT ingest_ensure_plate_read_partition((now() AT TIME ZONE 'UTC')::date)");
            st.execute("SELECT ingest_ensure_plate_read_partition((now() AT TIME ZONE 'UTC')::date - 1)");
            st.execute("INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence, captured_at, "
                    + "received_at, late, position_from_camera, geom) SELECT gen_random_uuid(), '" + P + "-03', '" + P
                    + "-03-A', 'AB12CDE', 'AB12CDE', true, 0.9, now() - make_interval(mins => g * 3), now(), false, true, "
                    + "ST_SetSRID(ST_MakePoint(-2.8, 53.428), 4326) FROM generate_series(1, 200) g");
        }
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        BrowserTestService.stop(chromium, server);
    }

    @Test
    void engineerSeesUnitsByStatusFiltersThoseNeedingAVisitAndWatchesAUnitComeOnline() throws Exception {
        List<String> consoleErrors = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 860))) {
            Page page = context.newPage();
            HeadlessChromium.collectConsoleErrors(page, consoleErrors);
            HeadlessChromium.loginAs(page, server.getURL(), Role.ENGINEER);
            page.navigate(server.getURL() + "/engineer");

            String row1 = "#units-table tr[data-unit='" + P + "-01']";
            assertThat(page.locator(row1)).containsText("online");
            assertThat(page.locator(row1)).containsText("frame rate collapsed");
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-02']")).containsText("offline");
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-03']")).containsText("2.4.1");
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-03'] svg.spark rect")).hasCount(12);
            assertThat(page.locator("path.leaflet-interactive")).not().hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("engineer-units.png")));

            // the filter keeps the fault, the offline unit and the nearly full disk, drops the healthy and the unknown
            page.check("#needs-visit");
            assertThat(page.locator("#units-table tr[data-unit^='" + P + "']")).hasCount(3);
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-04']")).hasCount(0);
            page.click("#units-table tr[data-unit='" + P + "-02']");
            assertThat(page.locator("#unit-timeline")).containsText("Last Will");
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-02']")).hasClass(Pattern.compile(".*selected.*"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("engineer-needs-visit.png")));
            page.uncheck("#needs-visit");

            // a heartbeat from the never-seen unit turns it online on the open page (event stream)
            MqttClient unit = new MqttClient("tcp://127.0.0.1:1883", "unit-" + P);
            MqttConnectionOptions o = new MqttConnectionOptions();
            o.setCleanStart(true);
            unit.connect(o);
            String now = Instant.now().toString();
            MqttMessage hb = new MqttMessage(("{\"sentAt\":\"" + now + "\",\"uptimeSeconds\":60,\"firmware\":\"2.5.0\","
                    + "\"diskFreeBytes\":50000000000,\"cameras\":[{\"cameraId\":\"" + P + "-04-A\",\"ok\":true,\"fps\":25,"
                    + "\"lastFrameAt\":\"" + now + "\"}]}").getBytes(StandardCharsets.UTF_8));
            hb.setQos(1);
            unit.publish(ROOT + "/units/" + P + "-04/health", hb);
            unit.disconnect();
            unit.close();
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-04']")).containsText("2.5.0");
            assertThat(page.locator("#units-table tr[data-unit='" + P + "-04'] .badge")).containsText("online");
            page.click("#units-table tr[data-unit='" + P + "-04']");
            assertThat(page.locator("#unit-timeline")).containsText("heartbeat received");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("engineer-live.png")));
        }
        assertThat(consoleErrors).isEmpty();
    }
}
