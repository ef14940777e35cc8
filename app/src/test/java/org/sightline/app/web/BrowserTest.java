package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.app.security.domain.Role;
import org.sightline.testing.TestDatabase;

/**
 * Drives the real pages in Debian's Chromium: the service runs on real PostGIS and the machine's
 * Mosquitto. Screenshots go to app/target/screenshots for a person to look at.
 */
class BrowserTest {

    static final Path SHOTS = HeadlessChromium.SHOTS;

    static EmbeddedServer server;
    static HeadlessChromium chromium;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = BrowserTestService.start(java.util.Map.of("sightline.demo.area", "knowsley"));
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        BrowserTestService.stop(chromium, server);
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
        page = context.newPage();
        // script errors only: the browser also logs every 4xx answer a page handles itself
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    private String url(String path) {
        return server.getURL() + path;
    }

    @Test
    void plannerLogsInSeesTheLandingPageAndTheirMap() {
        HeadlessChromium.loginAs(page, server.getURL(), Role.PLANNER);
        assertThat(page.locator("#card-planner")).not().hasClass(java.util.regex.Pattern.compile(".*not-allowed.*"));
        assertThat(page.locator("#card-operator")).hasClass(java.util.regex.Pattern.compile(".*not-allowed.*"));
        assertThat(page.locator("#whoami")).containsText("planner");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("landing-planner.png")).setFullPage(true));

        page.click("#card-planner");
        assertThat(page).hasURL(url("/planner"));
        assertThat(page.locator("#map.leaflet-container")).isVisible();
        // no tile server in tests: the map says it is drawing vector layers only
        assertThat(page.locator(".map-banner")).containsText("Offline map");
        // the demo area's own vector layers: the boundary and the arterial routes
        page.waitForCondition(() -> page.locator(".leaflet-overlay-pane path").count() > 10);
        assertThat(page.locator("nav a[data-nav=planner]")).hasClass(java.util.regex.Pattern.compile(".*active.*"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-shell.png")));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void plannerIsRefusedTheOperatorConsole() {
        HeadlessChromium.loginAs(page, server.getURL(), Role.PLANNER);
        Response response = page.navigate(url("/operator"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(page.locator("h1")).containsText("Not allowed");
        assertThat(page.locator("main")).containsText("/operator");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-refused.png")));
    }

    @Test
    void operatorSearchesReadsStatingPurposeAndReference() throws Exception {
        java.time.Instant at = java.time.Instant.now().minus(java.time.Duration.ofHours(5));
        try (java.sql.Connection c = TestDatabase.get().connect()) {
            try (var ps = c.prepareStatement("SELECT ingest_ensure_plate_read_partition(?)")) {
                ps.setObject(1, at.atOffset(java.time.ZoneOffset.UTC).toLocalDate());
                ps.execute();
            }
            try (var ps = c.prepareStatement("""
                    INSERT INTO plate_read (read_id, unit_id, camera_id, plate, plate_as_read, uk_format, confidence,
                                            captured_at, received_at, late, position_from_camera, geom)
                    VALUES (gen_random_uuid(), 'U-BROWSER', 'CAM-BROWSER', 'KX19ABC', 'KX19A8C', true, 0.87, ?, ?, false, true,
                            ST_SetSRID(ST_MakePoint(-2.85, 53.43), 4326))""")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(at));
                ps.setTimestamp(2, java.sql.Timestamp.from(at));
                ps.executeUpdate();
            }
        }
        HeadlessChromium.loginAs(page, server.getURL(), Role.OPERATOR);
        page.click("nav a[data-nav=search]");
        assertThat(page).hasURL(url("/search"));
        page.fill("#s-plate", "kx19 abc");
        page.click("#s-run");
        // no purpose given: the service refuses and says why
        assertThat(page.locator("#search-message")).containsText("purpose");
        page.fill("#s-purpose", "Vehicle linked to burglary series");
        page.fill("#s-reference", "KN/2026/1187");
        page.click("#s-run");
        assertThat(page.locator("#results-table tbody tr")).hasCount(1);
        assertThat(page.locator("#results-table tbody")).containsText("CAM-BROWSER");
        assertThat(page.locator("#results-table tbody")).containsText("KX19A8C");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("read-search.png")).setFullPage(true));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void wrongPasswordShowsAMessageAndStaysOnTheLoginPage() {
        HeadlessChromium.submitLogin(page, server.getURL(), "operator", "not-the-right-password");
        assertThat(page).hasURL(url("/login?error=1"));
        assertThat(page.locator("#login-message")).containsText("Wrong username or password");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("login-error.png")));
    }

    @Test
    void engineerOpensTheirPageAndLogsOut() {
        page.navigate(url("/engineer"));
        assertThat(page).hasURL(url("/login?next=%2Fengineer"));
        HeadlessChromium.loginAs(page, server.getURL(), Role.ENGINEER);
        page.navigate(url("/engineer"));
        assertThat(page.locator("#units-title")).hasText("Roadside units");
        assertThat(page.locator("nav a[data-nav=planner]")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("engineer-shell.png")));
        page.click("text=Log out");
        assertThat(page.locator("#login-message")).containsText("logged out");
        Response after = page.navigate(url("/engineer"));
        assertThat(page).hasURL(url("/login?next=%2Fengineer"));
        assertThat(after.ok()).isTrue();
    }
}
