package org.sightline.geo.io;

import java.util.List;
import java.util.Optional;

/**
 * What happened when one file was read: rows read, accepted, left out by a filter and rejected with
 * a reason. {@code rowsRead == rowsAccepted + rowsFiltered + rowsRejected} always holds.
 * {@code fileProblem} is set when the file itself could not be read to the end (wrong header,
 * empty, truncated); rows read before that point are still counted and delivered.
 * {@code problems} keeps the first {@link ReadTally#KEPT_PROBLEMS} row problems only; every problem
 * is also handed to the {@link ReadListener}.
 */
public record ReadSummary(
        String source,
        long rowsRead,
        long rowsAccepted,
        long rowsFiltered,
        long rowsRejected,
        List<RowProblem> problems,
        Optional<RowProblem> fileProblem) {

    public ReadSummary {
        problems = List.copyOf(problems);
        if (rowsRead != rowsAccepted + rowsFiltered + rowsRejected) {
            throw new IllegalArgumentException("rows read (" + rowsRead + ") must equal accepted + filtered + rejected");
        }
    }

    /** Whether the whole file was read (every row either loaded, filtered out or reported). */
    public boolean complete() {
        return fileProblem.isEmpty();
    }

    /** One line for people, e.g. "2018-01.csv.gz: 3214 rows read, 3210 accepted, 0 filtered out, 4 rejected". */
    public String describe() {
        return source + ": " + rowsRead + " rows read, " + rowsAccepted + " accepted, " + rowsFiltered
                + " filtered out, " + rowsRejected + " rejected"
                + fileProblem.map(p -> "; stopped: " + p.reason()).orElse("");
    }
}
