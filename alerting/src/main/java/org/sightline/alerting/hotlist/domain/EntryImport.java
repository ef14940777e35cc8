package org.sightline.alerting.hotlist.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the lines of a hotlist file one by one: every line gets a verdict, valid lines become
 * entries, and a plate repeated in the file or already on the list is a duplicate. Framework-free;
 * the caller reads the file (CSV: list, plate, reason, priority, instruction, covert, source,
 * valid_from, expires_at) and stores the accepted entries.
 */
public final class EntryImport {

    /** The header the file must start with (column order; optional columns may be left empty). */
    public static final List<String> COLUMNS = List.of("list", "plate", "reason", "priority", "instruction", "covert",
            "source", "valid_from", "expires_at");

    /** The verdict on one line of the file. */
    public record Line(long lineNumber, String plate, HotlistEntry entry, List<String> problems) {
        public Line {
            problems = List.copyOf(problems);
        }

        public boolean accepted() {
            return entry != null;
        }
    }

    private final Map<String, Hotlist> lists;
    private final Set<String> taken;
    private final EntryRules rules;
    private final String user;
    private final Instant now;
    private final List<Line> lines = new ArrayList<>();

    /**
     * @param lists existing lists by code
     * @param livePlates "list:plate" keys of entries already live
     * @param rules validity rules
     * @param user who imports
     * @param now the time of the import
     */
    public EntryImport(Map<String, Hotlist> lists, Set<String> livePlates, EntryRules rules, String user, Instant now) {
        this.lists = Map.copyOf(lists);
        this.taken = new HashSet<>(livePlates);
        this.rules = rules;
        this.user = user;
        this.now = now;
    }

    /** Checks one record of the file. */
    public Line add(long lineNumber, List<String> fields) {
        Line line;
        if (fields.size() != COLUMNS.size()) {
            line = new Line(lineNumber, fields.size() > 1 ? fields.get(1) : "", null,
                    List.of("expected " + COLUMNS.size() + " fields (" + String.join(",", COLUMNS) + "), found "
                            + fields.size()));
        } else {
            EntryDraft draft = new EntryDraft(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                    fields.get(5), fields.get(6), fields.get(7), fields.get(8));
            EntryDraft.Checked checked = draft.check(lists, taken, rules, user, now);
            if (checked.ok()) {
                HotlistEntry e = checked.entry();
                taken.add(e.listCode() + ":" + e.plate().value());
                line = new Line(lineNumber, e.plate().value(), e, List.of());
            } else {
                line = new Line(lineNumber, fields.get(1), null, checked.problems());
            }
        }
        lines.add(line);
        return line;
    }

    /** Records a line that could not be read at all (malformed CSV). */
    public void unreadable(long lineNumber, String problem) {
        lines.add(new Line(lineNumber, "", null, List.of(problem)));
    }

    /** Every line's verdict, in file order. */
    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The entries to store. */
    public List<HotlistEntry> accepted() {
        return lines.stream().filter(Line::accepted).map(Line::entry).toList();
    }
}
