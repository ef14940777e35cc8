package org.sightline.app;

import java.util.concurrent.ExecutionException;
import org.sightline.app.cli.SightlineCommand;
import picocli.CommandLine;

/** Entry point of the Sightline jar: the service ({@code serve}) and the command-line tools. */
public final class Sightline {

    private Sightline() {
    }

    /**
     * A command that fails with an exception it did not explain itself ends with one line naming
     * the command and the cause, and exit code 1; SIGHTLINE_DEBUG=1 prints the stack trace too.
     */
    static int failed(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        boolean debug = System.getenv("SIGHTLINE_DEBUG") != null;
        if (debug) {
            e.printStackTrace(command.getErr());
        }
        Throwable cause = e;
        while (cause.getCause() != null && (cause.getMessage() == null || cause instanceof ExecutionException)) {
            cause = cause.getCause();
        }
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        command.getErr().println(command.getCommandSpec().qualifiedName(" ") + " failed: " + what
                + (debug ? "" : " (SIGHTLINE_DEBUG=1 shows where)"));
        return 1;
    }

    /** The command line of the jar, as {@link #main} runs it. */
    public static CommandLine commandLine() {
        return new CommandLine(new SightlineCommand()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Sightline::failed);
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0 || !ServeState.isServing()) {
            System.exit(code);
        }
    }
}
