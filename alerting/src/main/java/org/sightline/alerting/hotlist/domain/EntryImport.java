package org.sightline.alerting.hotlist.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the lines of a hotlist file one by one, keeping nothing but the plates already taken:
 * every line gets a verdict, valid lines become entries, and a plate repeated in the file or
 * already on the list is a duplicate. Framework-free; the caller reads the file (CSV: list, plate,
 * reason, priority, instruction, covert, source, valid_from, expires_at) and stores the accepted
 * entries. A file imported into one named list may leave out the {@code list} column (or leave
 * it empty); a line naming another list is refused.
 */
public final class EntryImport {

    /** The header the file must start with (column order; optional columns may be left empty). */
    public static final List<String> COLUMNS = List.of("list", "plate", "reason", "priority", "instruction", "covert",
            "source", "valid_from", "expires_at");

    /** The header of a file imported into one named list, without the {@code list} column. */
    public static final List<String> COLUMNS_WITHOUT_LIST = COLUMNS.subList(1, COLUMNS.size());

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
    private final Optional<String> target;
    private boolean listColumn = true;

    /**
     * @param lists existing lists by code
     * @param livePlates "list:plate" keys of entries already live
     * @param rules validity rules
     * @param user who imports
     * @param now the time of the import
     * @param target the one list every line goes to, or empty when each line names its list
     */
    public EntryImport(Map<String, Hotlist> lists, Set<String> livePlates, EntryRules rules, String user, Instant now,
                       Optional<String> target) {
        this.lists = Map.copyOf(lists);
        this.taken = new HashSet<>(livePlates);
        this.rules = rules;
        this.user = user;
        this.now = now;
        this.target = target;
    }

    /** The headers this import accepts, as text for messages. */
    public String expectedHeader() {
        return target.isPresent() ? String.join(",", COLUMNS) + " (or without the list column: "
                + String.join(",", COLUMNS_WITHOUT_LIST) + ")" : String.join(",", COLUMNS);
    }

    /**
     * Checks the first record of the file.
     *
     * @return true when it is an accepted header (and remembers whether it has the list column)
     */
    public boolean header(List<String> fields) {
        if (fields == null) {
            return false;
        }
        List<String> names = fields.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        if (names.equals(COLUMNS)) {
            listColumn = true;
            return true;
        }
        if (target.isPresent() && names.equals(COLUMNS_WITHOUT_LIST)) {
            listColumn = false;
            return true;
        }
        return false;
    }

    /** Checks one record of the file (after the header). */
    public Line check(long lineNumber, List<String> record) {
        List<String> fields = record;
        int expected = listColumn ? COLUMNS.size() : COLUMNS_WITHOUT_LIST.size();
        if (fields.size() != expected) {
            int plateAt = listColumn ? 1 : 0;
            return new Line(lineNumber, fields.size() > plateAt ? fields.get(plateAt) : "", null,
                    List.of("expected " + expected + " fields (" + String.join(",", listColumn ? COLUMNS : COLUMNS_WITHOUT_LIST)
                            + "), found " + fields.size()));
        }
        if (target.isPresent()) {
            fields = new ArrayList<>(COLUMNS.size());
            String named = listColumn ? record.get(0).strip() : "";
            if (!named.isEmpty() && !named.equals(target.get())) {
                return new Line(lineNumber, record.get(1), null, List.of("the line is for list '" + shorten(named)
                        + "', but this file is imported into '" + target.get() + "'"));
            }
            fields.add(target.get());
            fields.addAll(listColumn ? record.subList(1, record.size()) : record);
        }
        EntryDraft draft = new EntryDraft(fields.get(0), fields.get(1), fields.get(2), fields.get(3), fields.get(4),
                fields.get(5), fields.get(6), fields.get(7), fields.get(8));
        EntryDraft.Checked checked = draft.check(lists, taken, rules, user, now);
        if (!checked.ok()) {
            return new Line(lineNumber, fields.get(1), null, checked.problems());
        }
        HotlistEntry e = checked.entry();
        taken.add(e.listCode() + ":" + e.plate().value());
        return new Line(lineNumber, e.plate().value(), e, List.of());
    }

    /** The verdict on a line that could not be read at all (malformed CSV). */
    public Line unreadable(long lineNumber, String problem) {
        return new Line(lineNumber, "", null, List.of(problem));
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
