package org.sightline.alerting.hotlist;

import java.util.Objects;
import java.util.Optional;

/**
 * How a hotlist file is imported.
 *
 * @param list the one list every line goes to (the file may then leave out its {@code list}
 *             column), or empty when each line names its list
 * @param dryRun check every line and report, store nothing
 * @param source what the audit trail names as the import's target, e.g. the file name
 */
public record ImportOptions(Optional<String> list, boolean dryRun, String source) {

    public ImportOptions {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(source, "source");
    }
}
