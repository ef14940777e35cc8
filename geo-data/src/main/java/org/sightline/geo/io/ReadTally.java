package org.sightline.geo.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Counts rows while a reader works and builds its {@link ReadSummary}. Not thread-safe. */
public final class ReadTally {

    /** How many row problems a summary keeps (all are counted and passed to the listener). */
    public static final int KEPT_PROBLEMS = 100;

    private final String source;
    private final ReadListener listener;
    private final List<RowProblem> problems = new ArrayList<>();
    private long read;
    private long accepted;
    private long filtered;
    private long rejected;
    private RowProblem fileProblem;

    public ReadTally(String source, ReadListener listener) {
        this.source = source;
        this.listener = listener == null ? ReadListener.NONE : listener;
    }

    public String source() {
        return source;
    }

    public void accepted() {
        read++;
        accepted++;
    }

    public void filtered() {
        read++;
        filtered++;
    }

    /** Counts a rejected row and reports it. */
    public void rejected(long line, String reason) {
        read++;
        rejected++;
        RowProblem p = new RowProblem(source, line, reason);
        if (problems.size() < KEPT_PROBLEMS) {
            problems.add(p);
        }
        listener.problem(p);
    }

    /** Records that the file could not be read (further); rows so far still count. */
    public void fileProblem(long line, String reason) {
        fileProblem = new RowProblem(source, line, reason);
        listener.problem(fileProblem);
    }

    public long rowsAccepted() {
        return accepted;
    }

    public ReadSummary summary() {
        return new ReadSummary(source, read, accepted, filtered, rejected, problems, Optional.ofNullable(fileProblem));
    }
}
