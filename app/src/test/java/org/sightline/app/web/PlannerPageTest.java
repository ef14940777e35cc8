package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.app.security.domain.Role;
import org.sightline.geo.crime.adapter.db.CrimeBulkLoad;
import org.sightline.geo.crime.adapter.db.CrimeStore;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
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
    /** Requests the page has sent and not yet seen answered, with when they left: said when a wait runs out. */
    final Map<com.microsoft.playwright.Request, Long> pending = new java.util.concurrent.ConcurrentHashMap<>();

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
        page.onRequest(r -> pending.put(r, System.nanoTime()));
        page.onRequestFinished(pending::remove);
        page.onRequestFailed(pending::remove);
        page.onResponse(r -> {
            if (r.status() >= 400) {
                consoleErrors.add("HTTP " + r.status() + " " + r.url() + " " + r.text());
            }
        });
        HeadlessChromium.loginAs(page, server.getURL(), Role.PLANNER);
        page.navigate(server.getURL() + "/planner");
        // the page marks its form ready once its start-up requests (hotspot layers, cameras, sites, saved
        // plans) have settled: acting earlier raced them on a loaded machine
        try {
            assertThat(page.locator("#plan-form[data-ready=true]")).hasCount(1);
        } catch (AssertionError e) {
            throw new AssertionError("the planner page did not finish starting; status '"
                    + page.locator("#plan-status").textContent() + "', errors " + consoleErrors + ", waiting " + waiting(), e);
        }
    }

    /** The page's unanswered requests and how long each has waited, for failure messages. */
    String waiting() {
        List<String> out = new ArrayList<>();
        long now = System.nanoTime();
        pending.forEach((r, t) -> out.add(r.method() + " " + r.url().replaceFirst("^https?://[^/]+", "") + " "
                + (now - t) / 1_000_000_000 + " s"));
        return out.toString();
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
        assertThat(page.locator("#r-sites li").first()).containsText("of the hotspot around");
        assertThat(page.locator("#r-hotspots li").first()).containsText("records");
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
        assertThat(page.locator("table.report-sites tbody tr")).hasCount(8);
        assertThat(page.locator("table.hotspot-table tbody tr").first()).containsText("km²");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-report.png")).setFullPage(true));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void plannerPlansTheAnprCordonAndReviewsTheEstate() {
        assertThat(page.locator("#f-boundary option")).hasCount(1);
        // fails at once, and says so, if the click does not make the browser ask for the cordon
        page.waitForRequest(r -> r.url().contains("/api/planning/cordon"), () -> page.click("#run-cordon"));
        try {
            assertThat(page.locator("#estate-out")).containsText("arterial crossings");
        } catch (AssertionError e) {
            // tells a server that does not answer from a browser that did not send
            long t0 = System.nanoTime();
            int direct = page.request().get(server.getURL() + "/api/planning/cordon?boundary=E08000011").status();
            String probe = "a direct request outside the browser answered " + direct + " in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms";
            throw new AssertionError("no cordon; estate panel '" + page.locator("#estate-out").textContent()
                    + "', errors " + consoleErrors + ", waiting " + waiting() + "; " + probe, e);
        }
        assertThat(page.locator("#estate-out li").first()).containsText("New ANPR site");
        assertThat(page.locator(".anpr-site").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-cordon.png")));
        page.click("#run-review");
        assertThat(page.locator("#estate-out")).containsText("CCTV cameras reviewed");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-review.png")));
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void plannerAddsBuildingsAndComparesTwoScenariosSideBySide() throws Exception {
        assertThat(page.locator("#f-boundary option")).hasCount(1);
        page.fill("#f-title", "Open ground");
        page.fill("#f-cameras", "6");
        page.click("#run");
        try {
            assertThat(page.locator("#r-sites li")).hasCount(6);
        } catch (AssertionError e) {
            throw new AssertionError("no plan; status '" + page.locator("#plan-status").textContent() + "', errors "
                    + consoleErrors + ", waiting " + waiting(), e);
        }
        assertThat(page.locator("#saved-list li", new Page.LocatorOptions().setHasText("Open ground"))).hasCount(1);
        String openId = page.locator("#x-report").getAttribute("href").replaceAll(".*/api/plans/([^/]+)/report", "$1");

        // synthetic buildings: a 30 m block 25 m in front of each recommended camera
        var plan = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                page.request().get(server.getURL() + "/api/plans/" + openId).text());
        Path blocks = Files.createTempDirectory("planner-page-").resolve("blocks-in-front.geojson");
        Files.writeString(blocks, blocksInFrontOf(plan.path("sites")));
        page.setInputFiles("#f-buildings-file", blocks);
        assertThat(page.locator("#f-buildings-status")).containsText("stored building layer");
        assertThat(page.locator("#f-buildings")).not().hasValue("");
        page.fill("#f-title", "With buildings");
        page.click("#run");
        assertThat(page.locator("#r-notes")).containsText("6 building footprints from layer");
        assertThat(page.locator("#saved-list li", new Page.LocatorOptions().setHasText("With buildings"))).hasCount(1);
        page.locator("#r-sites li").first().click();
        // zoomed to the first site: the chosen layer's block in front of it is drawn
        try {
            assertThat(page.locator("#buildings-hint")).containsText("1 building in view");
        } catch (AssertionError e) {
            throw new AssertionError("no buildings drawn; hint '" + page.locator("#buildings-hint").textContent()
                    + "', errors " + consoleErrors + ", waiting " + waiting(), e);
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-buildings.png")));
        Files.deleteIfExists(blocks);

        page.locator("#saved-list li", new Page.LocatorOptions().setHasText("Open ground")).locator("input").check();
        page.locator("#saved-list li", new Page.LocatorOptions().setHasText("With buildings")).locator("input").check();
        page.click("#compare-run");
        try {
            assertThat(page.locator("#compare")).isVisible();
        } catch (AssertionError e) {
            throw new AssertionError("no comparison; status '" + page.locator("#plan-status").textContent()
                    + "', errors " + consoleErrors + ", waiting " + waiting(), e);
        }
        assertThat(page.locator("#compare-table th .swatch")).hasCount(2);
        assertThat(page.locator("#compare-table")).containsText("Vehicle crime");
        assertThat(page.locator("#compare-table")).containsText("Demand covered");
        assertThat(page.locator("#compare-table")).containsText("Candidate sites");
        assertThat(page.locator("#compare-curve polyline.cmp-curve")).hasCount(2);
        assertThat(page.locator(".cmp-site.plan-k0")).hasCount(6);
        assertThat(page.locator(".cmp-site.plan-k1")).not().hasCount(0);
        assertThat(page.locator("#compare-notes")).containsText("treat buildings differently");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-compare.png")));
        page.locator("#compare").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-compare-table.png")));
        page.click("#compare-close");
        assertThat(page.locator(".cmp-site")).hasCount(0);
        assertThat(consoleErrors).isEmpty();
    }

    /** A GeoJSON block 25–33 m in front of each site, 30 m wide, square to the camera's azimuth. */
    private static String blocksInFrontOf(com.fasterxml.jackson.databind.JsonNode sites) {
        MetricProjection bng = new ProjectionService().britishNationalGrid();
        List<String> features = new ArrayList<>();
        for (var s : sites) {
            GridPoint at = bng.project(new LonLat(s.path("lon").asDouble(), s.path("lat").asDouble()));
            double a = Math.toRadians(s.path("azimuthDegrees").asDouble());
            double fx = Math.sin(a);
            double fy = Math.cos(a);
            double[][] local = {{25, -15}, {25, 15}, {33, 15}, {33, -15}, {25, -15}};
            List<String> ring = new ArrayList<>();
            for (double[] c : local) {
                double x = at.eastingMetres() + c[0] * fx + c[1] * fy;
                double y = at.northingMetres() + c[0] * fy - c[1] * fx;
                LonLat p = bng.unproject(new GridPoint(x, y));
                ring.add(String.format(Locale.ROOT, "[%.8f,%.8f]", p.lonDegrees(), p.latDegrees()));
            }
            features.add("{\"type\":\"Feature\",\"properties\":{\"building\":\"yes\"},\"geometry\":{\"type\":"
                    + "\"Polygon\",\"coordinates\":[[" + String.join(",", ring) + "]]}}");
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    @Test
    void plannerSeesNamedHotspotOutlinesAndPlansOnlyOnSurveyedSitesWithPower() {
        assertThat(page.locator("#hotspot-areas-hint")).containsText("named hotspots (Gi*, FDR 5 %) outlined");
        assertThat(page.locator("path.hotspot-area")).not().hasCount(0);
        assertThat(page.locator(".leaflet-tooltip.hotspot-name:not(.minor)")).hasCount(8);
        assertThat(page.locator(".leaflet-tooltip.hotspot-name:not(.minor)").first()).hasText(
                java.util.regex.Pattern.compile("^1\\. \\S.*"));
        assertThat(page.locator(".leaflet-tooltip.hotspot-name.minor").first()).isHidden();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-hotspot-outlines.png")));
        page.uncheck("#show-hotspot-areas");
        assertThat(page.locator("path.hotspot-area")).hasCount(0);
        page.check("#show-hotspot-areas");
        assertThat(page.locator("path.hotspot-area")).not().hasCount(0);

        page.fill("#f-title", "Surveyed, powered");
        page.fill("#f-cameras", "5");
        page.uncheck("#f-generated");
        page.selectOption("#f-constraint-power_available", "required");
        page.selectOption("#f-constraint-needs_permission", "excluded");
        page.locator("#f-constraints").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-site-filter-form.png")));
        page.click("#run");
        try {
            assertThat(page.locator("#r-sites li")).hasCount(5);
        } catch (AssertionError e) {
            throw new AssertionError("no plan; status '" + page.locator("#plan-status").textContent() + "', errors "
                    + consoleErrors + ", waiting " + waiting(), e);
        }
        assertThat(page.locator("#r-notes")).containsText(
                "surveyed sites dropped by the site filter (with power; not needing permission)");
        assertThat(page.locator("#r-summary")).containsText("only surveyed sites with power; not needing permission");
        page.locator("#r-sites").scrollIntoViewIfNeeded();
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-site-filter-plan.png")));

        // at street zoom every hotspot in view carries its name
        page.locator("#r-hotspots li").first().click();
        assertThat(page.locator("#map.street-zoom")).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("planner-hotspot-street.png")));
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
