package org.sightline.alerting.match.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether one reading may be a misread of one listed plate under the settings, and lists
 * the differences. Candidates come from the index; this class is the single place that says yes
 * or no, so every match explains itself. Thread-safe.
 */
final class PlateComparison {

    private final MatchSettings settings;
    private final UkPlateGrammar grammar;

    PlateComparison(MatchSettings settings, UkPlateGrammar grammar) {
        this.settings = settings;
        this.grammar = grammar;
    }

    /**
     * @param read the reading
     * @param listed the listed plate
     * @param format the listed plate's UK format, or null for a plate matched exactly only
     * @return the accepted differences (empty list: exact), or null when it is not a match
     */
    List<Edit> compare(String read, String listed, PlateFormat format) {
        if (read.equals(listed)) {
            return List.of();
        }
        if (format == null) {
            return null;
        }
        int diff = read.length() - listed.length();
        if (diff == 0) {
            return sameLength(read, listed, format);
        }
        if (settings.maxFreeEdits() < 1 || Math.abs(diff) > 1 || !lengthEditJustified(read)
                || (diff < 0 && !settings.missingCharacters())) {
            return null;
        }
        return diff < 0 ? missing(read, listed, format) : extra(read, listed, format);
    }

    private boolean lengthEditJustified(String read) {
        return settings.freeEditRule() == FreeEditRule.ANY || !grammar.isWellFormed(read);
    }

    private List<Edit> sameLength(String read, String listed, PlateFormat format) {
        List<Edit> edits = new ArrayList<>(2);
        int free = 0;
        // under the grammar rule a reading is bent only where the grammar forces it (a character
        // that cannot stand there), even within a confusion class: a clean, well-formed reading is
        // a plate in its own right, and a reading with one proven error gets no second, unproven
        // one (AB1ZCOE is AB12COE, not AB12CDE) — with a large list such guesses are mostly wrong
        boolean strict = settings.freeEditRule() == FreeEditRule.GRAMMAR;
        for (int i = 0; i < read.length(); i++) {
            char r = read.charAt(i);
            char l = listed.charAt(i);
            if (r == l) {
                continue;
            }
            boolean impossible = !format.allows(i, r);
            if (strict && !impossible) {
                return null;
            }
            // an ambiguous bend is no class edit: only a free edit (under the any-edit rule) may make it
            if (settings.confusions().confusable(r, l) && !ambiguous(format, i, r)) {
                edits.add(new Edit(Edit.Kind.OCR_CLASS, i + 1, r, l, impossible ? slotNote(format, i, r) : ""));
                continue;
            }
            if (++free > settings.maxFreeEdits()) {
                return null;
            }
            if (settings.freeEditRule() == FreeEditRule.GRAMMAR && (!impossible || explainedByClass(format, i, r))) {
                // not justified: the character could stand there, or the grammar already says what
                // it is (an O among the digits is a 0, not any digit)
                return null;
            }
            edits.add(new Edit(Edit.Kind.SUBSTITUTED, i + 1, r, l, impossible ? slotNote(format, i, r) : ""));
        }
        return edits;
    }

    /** The reading lacks one character of the listed plate. */
    private List<Edit> missing(String read, String listed, PlateFormat format) {
        List<Edit> best = null;
        for (int skip = 0; skip < listed.length(); skip++) {
            if (skip > 0 && listed.charAt(skip) == listed.charAt(skip - 1)) {
                continue;
            }
            List<Edit> edits = new ArrayList<>(2);
            boolean ok = true;
            for (int i = 0, j = 0; i < listed.length() && ok; i++) {
                if (i == skip) {
                    edits.add(new Edit(Edit.Kind.MISSING, i + 1, (char) 0, listed.charAt(i), ""));
                    continue;
                }
                ok = classEdit(read.charAt(j++), listed, i, format, edits);
            }
            if (ok && (best == null || edits.size() < best.size())) {
                best = edits;
            }
        }
        return best;
    }

    /** The reading has one character more than the listed plate. */
    private List<Edit> extra(String read, String listed, PlateFormat format) {
        List<Edit> best = null;
        for (int skip = 0; skip < read.length(); skip++) {
            if (skip > 0 && read.charAt(skip) == read.charAt(skip - 1)) {
                continue;
            }
            List<Edit> edits = new ArrayList<>(2);
            boolean ok = true;
            for (int i = 0, j = 0; j < read.length() && ok; j++) {
                if (j == skip) {
                    edits.add(new Edit(Edit.Kind.EXTRA, i + 1, read.charAt(j), (char) 0, ""));
                    continue;
                }
                ok = classEdit(read.charAt(j), listed, i++, format, edits);
            }
            if (ok && (best == null || edits.size() < best.size())) {
                best = edits;
            }
        }
        return best;
    }

    /**
     * True when the grammar bends {@code r} at position {@code i} to more than one class mate (a 0
     * among current-format letters may be O or D) and such bends are not allowed.
     */
    private boolean ambiguous(PlateFormat format, int i, char r) {
        if (settings.ambiguousBends() || format.allows(i, r)) {
            return false;
        }
        int fitting = 0;
        for (char m : settings.confusions().members(r).toCharArray()) {
            if (m != r && format.allows(i, m)) {
                fitting++;
            }
        }
        return fitting > 1;
    }

    private boolean explainedByClass(PlateFormat format, int i, char r) {
        for (char m : settings.confusions().members(r).toCharArray()) {
            if (m != r && format.allows(i, m)) {
                return true;
            }
        }
        return false;
    }

    private boolean classEdit(char r, String listed, int i, PlateFormat format, List<Edit> edits) {
        char l = listed.charAt(i);
        if (r == l) {
            return true;
        }
        if (!settings.confusions().confusable(r, l)) {
            return false;
        }
        if ((settings.freeEditRule() == FreeEditRule.GRAMMAR && format.allows(i, r)) || ambiguous(format, i, r)) {
            return false; // not forced by the grammar, or not to one character: see sameLength
        }
        edits.add(new Edit(Edit.Kind.OCR_CLASS, i + 1, r, l, format.allows(i, r) ? "" : slotNote(format, i, r)));
        return true;
    }

    private static String slotNote(PlateFormat format, int i, char r) {
        if (format.digitSlot(i)) {
            return r >= '0' && r <= '9' ? "no leading zero there" : "only digits there";
        }
        return r >= '0' && r <= '9' ? "only letters there" : r + " is not issued there";
    }
}
