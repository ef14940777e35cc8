package org.sightline.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's real public data set ({@code ../shared/data}, see its README), located through the
 * system property {@code sightline.shared.data} that the parent pom passes to Surefire. Tests that
 * need it fail with a message saying where it was looked for, never skip silently.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data directory's sub-directory or file {@code relative}; fails clearly when absent. */
    public static Path require(String relative) {
        String root = System.getProperty("sightline.shared.data");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("System property sightline.shared.data is not set: run the tests through "
                    + "Maven from the project root (the parent pom sets it to ../shared/data) or pass "
                    + "-Dsightline.shared.data=/path/to/shared/data");
        }
        Path path = Path.of(root).resolve(relative).normalize();
        if (!Files.exists(path)) {
            throw new IllegalStateException("This test needs the real public data set: " + path + " does not exist. "
                    + "Put the shared data (crime/, boundaries/, roads/ - see its README) at " + Path.of(root).normalize()
                    + " or pass -Dsightline.shared.data=/path/to/shared/data");
        }
        return path;
    }
}
