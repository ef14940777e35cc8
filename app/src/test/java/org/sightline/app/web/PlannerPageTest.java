package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.geo.crime.adapter.db.CrimeBulkLoad;
import org.sightline.geo.crime.adapter.db.CrimeStore;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.planner.crime.adapter.file.PoliceUkFolder;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.testing.SharedData;
import org.sightline.testing.TestDatabase;

/**
 * The planner page in Chromium, as a planner uses it: the demo area with a year of real Knowsley
 * crime (from the shared data set) loaded into PostGIS, the hotspot layer on the map, a plan run
 * from the form, ranked sites with explanations, the coverage curve, and a clear message for a
 * bad camera. Screenshots in app/target/screenshots.
 */
class PlannerPageTest {

    static final Path SHOTS = HeadlessChromium.SHOTS;

    static EmbeddedServer server;
    static HeadlessChromium chromium;
    static Browser browser;
    BrowserContext context;
    Page page;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireInstalled();
        Path crimeFolder = SharedData.require("crime");
        Map<String, Object> props = new HashMap<>(TestDatabase.get().micronautProperties());
        props.put("sightline.demo.area", "knowsley");
        server = ApplicationContext.run(EmbeddedServer.class, props, "test");
        TestUsers.createAll(server.getApplicationContext().getBean(UserService.class));
        var year = new PoliceUkFolder(crimeFolder).read(AreaFilter.lsoaNamePrefix("Knowsley "),
                MonthRanges.parse("2019-01..2019-12"));
        try (CrimeBulkLoad load = server.getApplicationContext().getBean(CrimeStore.class).begin("planner-page-test")) {
            year.records().forEach(load);
            load.finish();
        }
        chromium = HeadlessChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @BeforeEach
    void newContext() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 900));
        page = context.newPage();
        // the machine is shared: give slow moments room rather than fail on them
        page.setDefaultNavigationTimeout(120_000);
        page.setDefaultTimeout(60_000);
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(60_000);
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                consoleErrors.add(m.text());
            }
        });
        page.onResponse(r -> {
            if (r.status() >= 400) {
                consoleErrors.add("HTTP " + r.status() + " " + r.url() + " " + r.text());
            }
        });
        page.navigate(server.getURL() + "/login");
        page.fill("#username", "planner");
        page.fill("#password", TestUsers.PASSWORD);
        page.click("button[type=submit]");
        assertThat(page.locator("#welcome-name")).hasText("planner");
        page.navigate(server.getURL() + "/planner");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void plannerRunsAPlanAndSeesRankedSitesWithExplanations() {
        assertThat(page.locator("#f-boundary option")).hasCount(1);
        assertThat(page.locator("#f-to")).hasValue("2019-12");
        assertThat(page.locator("#hotspot-method")).containsText("quartic");
        assertThat(page.locator("#f-range")).containsText("143 m");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-hotspots.png")));

        page.fill("#f-cameras", "8");
        page.click("#run");
        assertThat(page.locator("#r-sites li")).hasCount(8);
        assertThat(page.locator("#r-sites li").first()).containsText("months within its sector");
        assertThat(page.locator("#r-sites li").first()).containsText("On or near");
        assertThat(page.locator("#r-summary")).containsText("cover");
        assertThat(page.locator("#r-curve circle")).hasCount(9);
        assertThat(page.locator(".site-label")).hasCount(8);
        assertThat(page.locator("#x-csv")).hasAttribute("href", java.util.regex.Pattern.compile("/api/plans/.+/export\\?format=csv"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-plan.png")));
        page.locator("#r-sites").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-results.png")));
        String report = page.locator("#x-report").getAttribute("href");
        page.navigate(server.getURL() + report);
        assertThat(page.locator("svg.report-map polygon")).hasCount(8);
        assertThat(page.locator("table.units tbody tr")).hasCount(8);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-report.png")).setFullPage(true));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void plannerPlansTheAnprCordonAndReviewsTheEstate() {
        assertThat(page.locator("#f-boundary option")).hasCount(1);
        page.click("#run-cordon");
        assertThat(page.locator("#estate-out")).containsText("arterial crossings");
        assertThat(page.locator("#estate-out li").first()).containsText("New ANPR site");
        assertThat(page.locator(".anpr-site").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-cordon.png")));
        page.click("#run-review");
        assertThat(page.locator("#estate-out")).containsText("CCTV cameras reviewed");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-review.png")));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aFixedCameraWithA360DegreeLensIsRefusedWithAReason() {
        page.fill("#f-fov", "360");
        assertThat(page.locator("#f-range")).containsText("less than 360");
        page.click("#run");
        assertThat(page.locator("#plan-status")).containsText("fixed camera");
        assertThat(page.locator("#results")).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-bad-camera.png")));
    }
}
