package org.sightline.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sightline.app.Sightline;
import org.sightline.testing.TestDatabase;

/**
 * Runs {@code sightline …} commands in the test JVM against this run's database, capturing what
 * they print. Register it on a field ({@code @RegisterExtension final CliRun cli = new CliRun();}):
 * before each test it writes the database settings to a file of its own and captures System.out
 * and System.err; after the test it restores them and deletes the file.
 */
final class CliRun implements BeforeEachCallback, AfterEachCallback {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Path config;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        TestDatabase db = TestDatabase.get();
        config = Files.writeString(Files.createTempFile("sightline-cli", ".yml"), "datasources:\n  default:\n    url: "
                + db.jdbcUrl() + "\n    username: " + db.user() + "\n    password: ''\n");
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs one command line and returns its exit code; {@link #stdout()} and {@link #stderr()} then hold its output only. */
    int run(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "test", "--config", config.toString()));
        return Sightline.commandLine().execute(all.toArray(String[]::new));
    }

    /** What the last command printed to System.out. */
    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What the last command printed to System.err. */
    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("micronaut.config.files");
        Files.deleteIfExists(config);
    }
}
