package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sightline.alerting.alert.AlertEngine;
import org.sightline.alerting.alert.adapter.db.DbCameraSites;
import org.sightline.alerting.alert.domain.CameraSite;
import org.sightline.alerting.hotlist.HotlistService;
import org.sightline.alerting.hotlist.domain.AlertScope;
import org.sightline.alerting.hotlist.domain.EntryDraft;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistKind;
import org.sightline.alerting.read.domain.IncomingRead;
import org.sightline.app.security.domain.Role;
import org.sightline.testing.TestDatabase;

/**
 * The operator console in Chromium on the Knowsley demo area: the feed by priority, a live alert
 * arriving over the stream with its cue, the detail with instruction and map, and the
 * acknowledge / reject flow. Screenshots: app/target/screenshots/operator-*.png.
 */
class OperatorConsoleBrowserTest {

    static final Path SHOTS = HeadlessChromium.SHOTS;

    static EmbeddedServer server;
    static HeadlessChromium chromium;
    static Browser browser;
    static AlertEngine engine;
    static String arterialCamera;
    static String sideCamera;

    @BeforeAll
    static void start() throws Exception {
        // reads are handed to the engine directly: this test is about the page
        server = BrowserTestService.start(Map.of("sightline.demo.area", "knowsley", "sightline.alerting.listen", "false"));
        ApplicationContext ctx = server.getApplicationContext();
        engine = ctx.getBean(AlertEngine.class);
        DbCameraSites sites = ctx.getBean(DbCameraSites.class);
        sites.reload();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id FROM geo_camera WHERE kind = 'ANPR' ORDER BY id")) {
            while (rs.next()) {
                Optional<CameraSite> site = sites.find(rs.getString(1));
                if (site.isPresent() && site.get().arterial() && arterialCamera == null) {
                    arterialCamera = rs.getString(1);
                }
                if (site.isPresent() && !site.get().arterial() && sideCamera == null) {
                    sideCamera = rs.getString(1);
                }
            }
        }
        assertThat(arterialCamera).as("the demo estate has an ANPR camera on an arterial route").isNotNull();
        HotlistService hotlists = ctx.getBean(HotlistService.class);
        hotlists.saveList(new Hotlist("stolen", "Stolen vehicles", HotlistKind.STOLEN, AlertScope.ARTERIAL_ONLY, false),
                "supervisor", true);
        hotlists.saveList(new Hotlist("asb", "Vehicle misuse", HotlistKind.LOCAL_ASB, AlertScope.ANYWHERE, false),
                "supervisor", true);
        add(hotlists, "stolen", "AB10CDE", 85, "Do not stop. Inform the duty inspector <b>now</b>");
        add(hotlists, "asb", "KX05ABC", 30, "Note the direction of travel");
        add(hotlists, "stolen", "YT21RAP", 95, "Armed: observe only, call firearms control");
        // entries are live from the moment they are added: the reads come after
        Instant now = Instant.now();
        read("AB1OCDE", arterialCamera, now.plusSeconds(1));
        read("AB10CDE", arterialCamera, now.plusSeconds(2));
        read("KX05ABC", sideCamera != null ? sideCamera : arterialCamera, now.plusSeconds(3));
        chromium = HeadlessChromium.launch("--autoplay-policy=no-user-gesture-required");
        browser = chromium.browser();
    }

    static void add(HotlistService hotlists, String list, String plate, int priority, String instruction) {
        EntryDraft.Checked c = hotlists.add(new EntryDraft(list, plate, "reported stolen", Integer.toString(priority),
                instruction, "", "test", "", ""), "supervisor", true);
        assertThat(c.problems()).isEmpty();
    }

    static void read(String plate, String camera, Instant at) throws Exception {
        engine.process(List.of(new IncomingRead(UUID.randomUUID(), "U1", camera, plate, plate, 0.9, at, Optional.empty(),
                Optional.empty(), List.of())), false);
    }

    @AfterAll
    static void stop() {
        BrowserTestService.stop(chromium, server);
    }

    /** The console, logged in as an operator; console errors go to {@code errors}. */
    static Page console(BrowserContext context, List<String> errors) {
        Page page = context.newPage();
        HeadlessChromium.collectConsoleErrors(page, errors);
        HeadlessChromium.loginAs(page, server.getURL(), Role.OPERATOR);
        page.navigate(server.getURL() + "/operator");
        return page;
    }

    @Test
    void markupFromListsUnitsAndOperatorsIsShownAsTextAndNeverRuns() throws Exception {
        HotlistService hotlists = server.getApplicationContext().getBean(HotlistService.class);
        String reason = "<img src=x onerror=\"window.__pwned='reason'\">Seen <b>twice</b> near the school";
        String instruction = "<script>window.__pwned='instruction'</script>Stop <img src=x onerror=window.__pwned=1> only if safe";
        EntryDraft.Checked c = hotlists.add(new EntryDraft("asb", "XS55XSS", reason, "60", instruction, "", "test", "", ""),
                "supervisor", true);
        assertThat(c.problems()).isEmpty();
        // a unit that sends a camera id with markup, from a position off the estate
        String camera = "CAM<img src=x onerror=window.__pwned='camera'>";
        engine.process(List.of(new IncomingRead(UUID.randomUUID(), "U9", camera, "XS55XSS", "XS55XSS", 0.9,
                Instant.now().plusSeconds(7), Optional.of(-2.86), Optional.of(53.43), List.of())), false);

        List<String> errors = new ArrayList<>();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 860));
        Page page = console(context, errors);
        assertThat(page.locator("#stream-state")).hasText("Live");
        page.locator("#alert-feed li", new Page.LocatorOptions().setHasText("XS55XSS")).click();
        assertThat(page.locator("#detail-plate")).hasText("XS55XSS");
        assertThat(page.locator("#detail-reason")).hasText(reason);
        assertThat(page.locator("#detail-instruction")).hasText(instruction);
        assertThat(page.locator("#detail-place")).hasText("camera " + camera + " (not in the estate)");
        page.waitForCondition(() -> page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() >= 1);
        page.locator(".leaflet-overlay-pane path.leaflet-interactive").last().hover();
        assertThat(page.locator(".leaflet-tooltip")).containsText(camera);

        page.click("#act-acknowledge");
        assertThat(page.locator("#detail-state")).hasText("acknowledged");
        String note = "Driver said <img src=x onerror=window.__pwned='note'> it was <script>window.__pwned=2</script> sold";
        page.selectOption("#reject-reason", "OTHER");
        page.fill("#reject-note", note);
        page.click("#act-reject");
        assertThat(page.locator("#detail-state")).hasText("rejected");
        assertThat(page.locator("#detail-decision")).containsText(note);
        page.check("#show-closed");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-markup-as-text.png")));

        // nothing from the data became an element, nothing ran, nothing was even refused by the CSP
        assertThat(page.locator("#alert-detail img, #alert-detail script, #alert-detail b, #alert-feed img,"
                + " #alert-feed script, .leaflet-tooltip img, .leaflet-pane img:not(.leaflet-tile)")).hasCount(0);
        assertThat(page.evaluate("() => window.__pwned === undefined")).isEqualTo(true);
        assertThat(errors).as("console errors").noneMatch(e -> e.contains("Content Security Policy") || e.contains("pwned"));
        context.close();
    }

    @Test
    void operatorWorksAnAlertFromTheLiveFeed() throws Exception {
        List<String> errors = new ArrayList<>();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 860));
        Page page = console(context, errors);

        // the feed: highest priority first, with the reason each one matched
        assertThat(page.locator("#stream-state")).hasText("Live");
        assertThat(page.locator("#alert-feed li")).hasCount(2);
        assertThat(page.locator("#alert-feed li").first().locator(".plate")).hasText("AB10CDE");
        assertThat(page.locator("#alert-feed li").first()).containsText("fuzzy: O→0 at position 4");
        assertThat(page.locator("#alert-feed li").first()).containsText("2 sightings");

        // a live alert arrives over the stream: top of the feed, flashing
        read("YT21RAP", arterialCamera, Instant.now().plusSeconds(5));
        assertThat(page.locator("#alert-feed li").first().locator(".plate")).hasText("YT21RAP");
        assertThat(page.locator("#alert-feed li").first()).hasClass(Pattern.compile(".*fresh.*"));
        assertThat(page.locator("#alert-feed li").first()).hasClass(Pattern.compile(".*p-high.*"));
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-feed.png")));

        // the detail: instruction as text (never as markup), place, the map, and the actions
        page.locator("#alert-feed li", new Page.LocatorOptions().setHasText("AB10CDE")).click();
        assertThat(page.locator("#alert-detail")).isVisible();
        assertThat(page.locator("#detail-instruction")).hasText("Do not stop. Inform the duty inspector <b>now</b>");
        assertThat(page.locator("#detail-instruction b")).hasCount(0);
        assertThat(page.locator("#detail-place")).not().isEmpty();
        assertThat(page.locator("#act-accept")).isDisabled();
        page.waitForCondition(() -> page.locator(".leaflet-overlay-pane path.leaflet-interactive").count() >= 2);
        assertThat(page.locator("#detail-sightings li")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-detail.png")));

        page.click("#act-acknowledge");
        assertThat(page.locator("#detail-state")).hasText("acknowledged");
        assertThat(page.locator("#act-accept")).isEnabled();
        page.click("#act-reject");
        assertThat(page.locator("#detail-error")).containsText("Choose why");
        page.selectOption("#reject-reason", "OTHER");
        page.click("#act-reject");
        assertThat(page.locator("#detail-error")).containsText("needs a note");
        page.fill("#reject-note", "Vehicle is a <script>red</script> Corsa, listed as a Golf");
        page.click("#act-reject");
        assertThat(page.locator("#detail-state")).hasText("rejected");
        assertThat(page.locator("#detail-decision")).containsText("<script>red</script> Corsa");
        // decided alerts leave the feed unless asked for
        assertThat(page.locator("#alert-feed li", new Page.LocatorOptions().setHasText("AB10CDE"))).hasCount(0);
        page.check("#show-closed");
        assertThat(page.locator("#alert-feed li", new Page.LocatorOptions().setHasText("AB10CDE"))).hasCount(1);
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("operator-rejected.png")));
        // the one console error is Chromium logging the refused "other without a note" (400)
        assertThat(errors).singleElement().asString().contains("status of 400");
        context.close();
    }
}
