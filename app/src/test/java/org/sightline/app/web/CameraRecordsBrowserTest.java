package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.app.SightlineTestProperties;
import org.sightline.app.security.domain.Role;
import org.sightline.testing.TestDatabase;

/**
 * The camera records on the engineer page in Chromium: an administrator records a camera's purpose
 * and signage (hostile text stays text), a bad record is refused with the server's reason, and an
 * engineer does not see the records at all.
 */
class CameraRecordsBrowserTest {

    static final String P = "R" + UUID.randomUUID().toString().substring(0, 6);

    static EmbeddedServer server;
    static HeadlessChromium chromium;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = BrowserTestService.start(Map.of("sightline.ingest.topic-root", SightlineTestProperties.TOPIC_ROOT,
                "sightline.alerting.topic-root", SightlineTestProperties.TOPIC_ROOT,
                "sightline.mqtt.client-id-prefix", "sl-" + SightlineTestProperties.RUN + "-rec"));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO geo_roadside_unit (id, name, status, source, geom) VALUES ('" + P + "', 'Church Street pole',"
                    + " 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))");
            for (String cam : new String[] {"-A", "-B"}) {
                st.execute("INSERT INTO geo_camera (id, unit_id, kind, deployment, mount_height_metres, azimuth_degrees, "
                        + "horizontal_fov_degrees, resolution, status, source, geom) VALUES ('" + P + cam + "', '" + P
                        + "', 'CCTV', 'OVERT', 6, 90, 60, '1920x1080', 'ACTIVE', 'test', ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))");
            }
        }
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        BrowserTestService.stop(chromium, server);
    }

    /** The engineer page with the test unit open, logged in as the user holding {@code role}. */
    private static Page openUnit(BrowserContext context, Role role, List<String> consoleErrors) {
        Page page = context.newPage();
        HeadlessChromium.collectConsoleErrors(page, consoleErrors);
        HeadlessChromium.loginAs(page, server.getURL(), role);
        page.navigate(server.getURL() + "/engineer");
        page.click("#units-table tr[data-unit='" + P + "']");
        return page;
    }

    private static String purposeOf(String camera) throws SQLException {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT purpose FROM camera_compliance WHERE camera_id = '" + camera + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void anAdministratorRecordsACamerasPurposeAndHostileTextStaysText() throws Exception {
        List<String> consoleErrors = new ArrayList<>();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900))) {
            Page page = openUnit(context, Role.ADMIN, consoleErrors);
            String row = "#records-table tr[data-camera='" + P + "-A']";
            assertThat(page.locator(row)).containsText("not recorded");

            page.click(row + " button");
            String hostile = "Town centre ASB <img src=x onerror=\"window.__pwned=1\">";
            page.fill("#rec-purpose", hostile);
            page.fill("#rec-signage", "Signs at both ends of Church Street");
            page.fill("#rec-dpia", "DPIA-2026-014");
            page.fill("#rec-reviewed", "2026-01-15");
            page.click("#record-form button[type=submit]");
            assertThat(page.locator(row)).containsText(hostile);
            assertThat(page.locator(row)).containsText("DPIA-2026-014");
            assertThat(page.locator("#record-form")).isHidden();
            assertThat(page.locator("#records-table img")).hasCount(0);
            assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
            assertThat(purposeOf(P + "-A")).isEqualTo(hostile);

            // a record without a purpose is refused with the server's reason, and nothing changes
            page.click(row + " button");
            page.fill("#rec-purpose", " ");
            page.click("#record-form button[type=submit]");
            assertThat(page.locator("#record-error")).containsText("purpose is required");
            assertThat(page.locator("#record-form")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(HeadlessChromium.SHOTS.resolve("engineer-camera-records.png")));
            page.click("#record-cancel");
            assertThat(purposeOf(P + "-A")).isEqualTo(hostile);
            assertThat(page.locator("#records-table tr[data-camera='" + P + "-B']")).containsText("not recorded");
        }
        assertThat(consoleErrors).as("browser console errors").allMatch(e -> e.contains("400"));
    }

    @Test
    void anEngineerDoesNotSeeTheRecords() {
        List<String> consoleErrors = new ArrayList<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = openUnit(context, Role.ENGINEER, consoleErrors);
            assertThat(page.locator("#unit-detail")).isVisible();
            // the user is known before the click, so once the timeline is drawn the records would have been shown
            assertThat(page.locator("#unit-timeline li")).not().hasCount(0);
            assertThat(page.locator("#camera-records")).isHidden();
        }
        assertThat(consoleErrors).isEmpty();
    }
}
