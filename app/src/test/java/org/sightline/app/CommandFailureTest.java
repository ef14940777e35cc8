package org.sightline.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A command that fails with an exception it did not explain ends with one line, not a stack trace. */
class CommandFailureTest {

    @Test
    void anUnexplainedFailureIsOneLineNamingTheCauseAndExitCode1() throws Exception {
        CommandLine cli = Sightline.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        CommandLine bench = cli.getSubcommands().get("bench");
        int code = cli.getExecutionExceptionHandler().handleExecutionException(
                new ExecutionException(new TimeoutException("no DISCONNECT confirmation")), bench, null);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("sightline bench failed: TimeoutException: no DISCONNECT confirmation (SIGHTLINE_DEBUG=1 shows where)")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingConfigurationFileIsExplainedWithoutAStackTrace() {
        CommandLine cli = Sightline.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        java.io.PrintStream before = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            code = cli.execute("users", "list", "--config", "/nonexistent/sightline.yml");
        } finally {
            System.setErr(before);
        }
        String said = err + captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(said).contains("/nonexistent/sightline.yml").doesNotContain("\tat ");
    }
}
