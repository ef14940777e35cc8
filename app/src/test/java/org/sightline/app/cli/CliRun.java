package org.sightline.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.sightline.testing.TestDatabase;
import picocli.CommandLine;

/**
 * Runs {@code sightline …} commands in the test JVM against this run's database, capturing what
 * they print. Open it before a test and close it after (it restores System.out and System.err).
 */
final class CliRun implements AutoCloseable {

    private final Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;

    /** Writes the database settings into {@code dir} and starts capturing the output. */
    CliRun(Path dir) throws IOException {
        TestDatabase db = TestDatabase.get();
        config = Files.writeString(dir.resolve("db.yml"), "datasources:\n  default:\n    url: " + db.jdbcUrl()
                + "\n    username: " + db.user() + "\n    password: ''\n");
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** Runs one command line and returns its exit code; output adds to what was captured before. */
    int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--env", "test", "--config", config.toString()));
        return new CommandLine(new SightlineCommand()).execute(all.toArray(String[]::new));
    }

    /** Forgets the output captured so far. */
    void clear() {
        out.reset();
        err.reset();
    }

    String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("micronaut.config.files");
    }
}
