package org.sightline.app.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sightline's HTML pages: a shared layout filled with one page's content, assembled once from
 * {@code classpath:web/pages} and kept. Pages carry no user data in their markup; their scripts
 * fetch it from the API and write it as text, so nothing a user typed is ever parsed as HTML.
 */
@Singleton
public class WebPages {

    /** A page of the application. */
    public enum Page {
        LANDING("Sightline", "landing", "landing.js"),
        OPERATOR("Operator console · Sightline", "operator", "map.js", "operator.js"),
        PLANNER("Planner · Sightline", "planner", "map.js", "planner.js"),
        ENGINEER("Engineer · Sightline", "engineer", "map.js", "camera-records.js", "engineer.js"),
        SEARCH("Read search · Sightline", "search", "search.js");

        private final String title;
        private final String fragment;
        private final String[] scripts;

        Page(String title, String fragment, String... scripts) {
            this.title = title;
            this.fragment = fragment;
            this.scripts = scripts;
        }
    }

    private final Map<Page, String> assembled = new ConcurrentHashMap<>();

    /** The full HTML of a page. */
    public String page(Page page) {
        return assembled.computeIfAbsent(page, this::assemble);
    }

    /** The standalone login page. */
    public String loginPage() {
        return resource("login.html");
    }

    /** The page shown to a logged-in user who lacks the role for {@code path}. */
    public String forbiddenPage(String path) {
        return errorPage(403, "Not allowed",
                "Your account does not hold a role that may open " + path + ". Ask an administrator if you need it.");
    }

    /** An error page; every argument is escaped. */
    public String errorPage(int status, String title, String detail) {
        return layout(escape(title) + " · Sightline", "error",
                "<main class=\"error-page\"><h1>" + status + " · " + escape(title) + "</h1><p>" + escape(detail)
                        + "</p><p><a href=\"/\">Back to the start page</a></p></main>", "");
    }

    /** True when the request comes from a browser that wants a page (not an API call). */
    public static boolean wantsHtml(HttpRequest<?> request) {
        if (request.getPath().startsWith("/api/")) {
            return false;
        }
        return request.accept().stream().anyMatch(m -> m.equals(MediaType.TEXT_HTML_TYPE));
    }

    /** HTML-escapes text for element content and quoted attributes. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private String assemble(Page page) {
        StringBuilder scripts = new StringBuilder();
        for (String s : page.scripts) {
            if (s.equals("map.js")) {
                scripts.append("<script src=\"/webjars/leaflet/1.9.4/dist/leaflet.js\"></script>\n");
            }
            scripts.append("<script src=\"/assets/").append(s).append("\"></script>\n");
        }
        return layout(page.title, page.fragment, resource(page.fragment + ".html"), scripts.toString());
    }

    private String layout(String title, String pageName, String content, String scripts) {
        return resource("layout.html")
                .replace("{{title}}", title)
                .replace("{{page}}", pageName)
                .replace("{{scripts}}", scripts)
                .replace("{{content}}", content);
    }

    private static String resource(String name) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream("web/pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing page template web/pages/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
