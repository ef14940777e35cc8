package org.sightline.app.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.RowProblem;

/**
 * Shows reading progress on standard error for files over a few megabytes (redrawn at most five
 * times a second) and prints the first row problems; every problem is counted.
 */
final class ProgressBar implements ReadListener {

    private static final long SHOW_FROM_BYTES = 4L << 20;
    private static final int WIDTH = 30;

    private final PrintStream err;
    private final int problemsToPrint;
    private final java.io.Writer rejects;
    private int problemsPrinted;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintStream err, int problemsToPrint) {
        this(err, problemsToPrint, null);
    }

    /** As above, also writing every problem as a CSV row (file,line,reason) to {@code rejects} when not null. */
    ProgressBar(PrintStream err, int problemsToPrint, java.io.Writer rejects) {
        this.err = err;
        this.problemsToPrint = problemsToPrint;
        this.rejects = rejects;
    }

    @Override
    public void problem(RowProblem problem) {
        if (rejects != null) {
            try {
                rejects.write(csv(problem.source()) + "," + problem.line() + "," + csv(problem.reason()) + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot write the rejects file", e);
            }
        }
        if (problemsPrinted < problemsToPrint) {
            clear();
            err.println("  rejected " + problem);
            problemsPrinted++;
        }
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        if (totalBytes < SHOW_FROM_BYTES) {
            return;
        }
        long now = System.nanoTime();
        if (bytesRead < totalBytes && now - lastDrawNanos < 200_000_000L) {
            return;
        }
        lastDrawNanos = now;
        double fraction = Math.min(1.0, (double) bytesRead / totalBytes);
        int filled = (int) Math.round(fraction * WIDTH);
        err.printf(Locale.ROOT, "\r  [%s%s] %3.0f%% of %.1f MB", "#".repeat(filled), " ".repeat(WIDTH - filled),
                fraction * 100, totalBytes / 1048576.0);
        drawn = true;
        if (bytesRead >= totalBytes) {
            err.println();
            drawn = false;
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Ends a half-drawn bar so that the next line starts clean. */
    void clear() {
        if (drawn) {
            err.println();
            drawn = false;
        }
    }
}
