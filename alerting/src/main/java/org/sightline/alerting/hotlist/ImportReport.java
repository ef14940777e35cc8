package org.sightline.alerting.hotlist;

import java.util.List;
import org.sightline.alerting.hotlist.domain.EntryImport;

/**
 * The outcome of a hotlist file: how many lines were imported and refused, and every line's verdict.
 *
 * @param imported lines stored as entries
 * @param refused lines refused
 * @param lines one verdict per line, in file order
 */
@io.micronaut.serde.annotation.Serdeable
public record ImportReport(int imported, int refused, List<LineReport> lines) {

    /** One line's verdict. */
    @io.micronaut.serde.annotation.Serdeable
    public record LineReport(long line, String plate, boolean imported, List<String> problems) {
        static LineReport of(EntryImport.Line l) {
            return new LineReport(l.lineNumber(), l.plate(), l.accepted(), l.problems());
        }
    }
}
