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
}
