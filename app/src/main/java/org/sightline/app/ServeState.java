package org.sightline.app;

/** Whether this JVM is running the service, so that {@code main} does not exit under it. */
public final class ServeState {

    private static volatile boolean serving;

    private ServeState() {
    }

    public static boolean isServing() {
        return serving;
    }

    public static void markServing() {
        serving = true;
    }
}
