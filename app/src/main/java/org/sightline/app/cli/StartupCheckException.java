package org.sightline.app.cli;

/** A start-up check failed; the message is one line that says what to fix. */
public class StartupCheckException extends RuntimeException {

    public StartupCheckException(String message) {
        super(message);
    }
}
