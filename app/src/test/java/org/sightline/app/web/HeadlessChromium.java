package org.sightline.app.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.sightline.app.TestUsers;
import org.sightline.app.security.domain.Role;

/**
 * Debian's Chromium driven by Playwright, headless, with the flags this closed machine needs (no
 * background networking, no sandbox as root). One per browser-test class; screenshots go to
 * {@link #SHOTS}. It also holds the steps every page test repeats: logging in through the login
 * page and collecting the page's console errors.
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");
    static final Path SHOTS = Paths.get("target", "screenshots");
    private static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Fails with the fix when Chromium is missing; call before starting anything expensive. */
    static void requireInstalled() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("Chromium is not installed at " + EXECUTABLE
                    + ": run './sightline test' as root (it installs the 'chromium' package)");
        }
    }

    /** Starts the browser with the standard flags plus {@code extraFlags}, and makes the screenshot folder. */
    static HeadlessChromium launch(String... extraFlags) throws IOException {
        requireInstalled();
        Files.createDirectories(SHOTS);
        List<String> flags = new ArrayList<>(FLAGS);
        flags.addAll(List.of(extraFlags));
        Playwright playwright = Playwright.create();
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(EXECUTABLE).setHeadless(true).setArgs(flags));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    Browser browser() {
        return browser;
    }

    /**
     * Fills and submits the login page of the service at {@code server}; does not wait for the
     * outcome, so that a test may check a refusal as well as a welcome.
     */
    static void submitLogin(Page page, URL server, String username, String password) {
        page.navigate(server + "/login");
        page.fill("#username", username);
        page.fill("#password", password);
        page.click("button[type=submit]");
    }

    /**
     * Logs in as the test user holding only {@code role} ({@link TestUsers}) and waits until the
     * landing page greets that user.
     */
    static void loginAs(Page page, URL server, Role role) {
        String username = TestUsers.nameOf(role);
        submitLogin(page, server, username, TestUsers.PASSWORD);
        assertThat(page.locator("#welcome-name")).hasText(username);
    }

    /** Adds the text of every error the page logs to its console to {@code errors}. */
    static void collectConsoleErrors(Page page, List<String> errors) {
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) {
                errors.add(m.text());
            }
        });
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
