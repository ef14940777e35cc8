package org.sightline.app;

import org.sightline.app.cli.SightlineCommand;
import picocli.CommandLine;

/** Entry point of the Sightline jar: the service ({@code serve}) and the command-line tools. */
public final class Sightline {

    private Sightline() {
    }

    public static void main(String[] args) {
        int code = new CommandLine(new SightlineCommand()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        if (code != 0 || !ServeState.isServing()) {
            System.exit(code);
        }
    }
}
