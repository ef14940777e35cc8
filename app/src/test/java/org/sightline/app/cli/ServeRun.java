package org.sightline.app.cli;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.sightline.testing.TestDatabase;
import picocli.CommandLine;

/** Runs {@code sightline serve --config FILE} in the test JVM and captures its exit code and error line. */
public final class ServeRun {

    /** What a start attempt ended with. */
    public record Outcome(int exitCode, String stderr) { }

    private ServeRun() {
    }

    /** YAML that points the service at this run's test database. */
    public static String database() {
        TestDatabase db = TestDatabase.get();
        return "datasources:\n  default:\n    url: " + db.jdbcUrl() + "\n    username: " + db.user() + "\n    password: ''\n";
    }

    /** Starts the service with this configuration (written to {@code dir}); it must end within a minute. */
    public static Outcome serveWith(Path dir, String yaml) throws IOException {
        Path file = Files.createTempFile(dir, "serve", ".yml");
        Files.writeString(file, yaml);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    new CommandLine(new ServeCommand()).execute("--env", "test", "--config", file.toString()));
            return new Outcome(code, err.toString(StandardCharsets.UTF_8).strip());
        } finally {
            System.setErr(original);
            System.clearProperty("micronaut.config.files");
        }
    }
}
