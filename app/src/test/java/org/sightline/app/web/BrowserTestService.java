package org.sightline.app.web;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.sightline.app.TestUsers;
import org.sightline.app.security.UserService;
import org.sightline.testing.TestDatabase;

/** The running service a browser test drives: started on this run's database with the test users, and stopped with the browser. */
final class BrowserTestService {

    private BrowserTestService() {
    }

    /**
     * Checks that Chromium is installed (before anything expensive), starts the service on this
     * run's database with {@code properties} added, and creates the test users ({@link TestUsers}).
     */
    static EmbeddedServer start(Map<String, Object> properties) {
        HeadlessChromium.requireInstalled();
        Map<String, Object> all = new HashMap<>(TestDatabase.get().micronautProperties());
        all.putAll(properties);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, all, "test");
        TestUsers.createAll(server.getApplicationContext().getBean(UserService.class));
        return server;
    }

    /** Closes the browser and the service; either may be null when a start failed half-way. */
    static void stop(HeadlessChromium chromium, EmbeddedServer server) {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.getApplicationContext().close();
        }
    }
}
