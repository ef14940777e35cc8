package org.sightline.alerting.hotlist.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An entry as a user or a file gave it, before checking: every field as text or absent. {@link
 * #check} turns it into an entry or a list of every problem found (not just the first).
 *
 * @param listCode list code
 * @param plate plate text (spaces and dashes allowed)
 * @param reason reason
 * @param priority priority as text, 0-100
 * @param instruction operator instruction, may be empty
 * @param covert "true"/"false"/"yes"/"no"/"1"/"0" or empty (false)
 * @param source source, may be empty
 * @param validFrom ISO-8601 instant or empty (now)
 * @param expiresAt ISO-8601 instant or empty (the default validity)
 */
public record EntryDraft(String listCode, String plate, String reason, String priority, String instruction,
                         String covert, String source, String validFrom, String expiresAt) {

    /** The outcome of checking a draft: exactly one of entry and problems is set. */
    public record Checked(HotlistEntry entry, List<String> problems) {
        public boolean ok() {
            return entry != null;
        }
    }

    /**
     * Checks the draft.
     *
     * @param lists the lists that exist, by code
     * @param livePlates "list:plate" of entries already live (a draft for one of them is a duplicate)
     * @param rules validity rules
     * @param user who is adding it
     * @param now the current time
     */
    public Checked check(Map<String, Hotlist> lists, Set<String> livePlates, EntryRules rules, String user, Instant now) {
        List<String> problems = new ArrayList<>();
        String code = trim(listCode);
        if (code.isEmpty()) {
            problems.add("list is missing");
        } else if (!lists.containsKey(code)) {
            problems.add("unknown list '" + shorten(code) + "'");
        }
        Optional<String> plateProblem = PlateNumber.problem(plate);
        plateProblem.ifPresent(problems::add);
        String normalised = PlateNumber.normalise(plate);
        if (plateProblem.isEmpty() && livePlates.contains(code + ":" + normalised)) {
            problems.add("duplicate: " + normalised + " is already on list '" + code + "'");
        }
        if (trim(reason).isEmpty()) {
            problems.add("reason is missing");
        }
        int prio = -1;
        String p = trim(priority);
        if (p.isEmpty()) {
            problems.add("priority is missing");
        } else {
            try {
                prio = Integer.parseInt(p);
                if (prio < 0 || prio > HotlistEntry.MAX_PRIORITY) {
                    problems.add("priority must be 0-100, was " + prio);
                }
            } catch (NumberFormatException e) {
                problems.add("priority must be a whole number 0-100, was '" + shorten(p) + "'");
            }
        }
        Boolean isCovert = bool(covert);
        if (isCovert == null) {
            problems.add("covert must be true or false, was '" + shorten(trim(covert)) + "'");
        }
        Instant from = now;
        if (!trim(validFrom).isEmpty()) {
            from = instant("valid-from", validFrom, problems);
        }
        Optional<Instant> requested = Optional.empty();
        if (!trim(expiresAt).isEmpty()) {
            requested = Optional.ofNullable(instant("expiry", expiresAt, problems));
        }
        Instant expiry = null;
        if (from != null && (trim(expiresAt).isEmpty() || requested.isPresent())) {
            EntryRules.Result r = rules.expiry(from, requested, now);
            if (r.ok()) {
                expiry = r.expiresAt();
            } else {
                problems.add(r.problem());
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(null, List.copyOf(problems));
        }
        try {
            return new Checked(new HotlistEntry(UUID.randomUUID(), code, new PlateNumber(normalised), reason, prio,
                    instruction, isCovert, source, from, expiry, user, now), List.of());
        } catch (IllegalArgumentException e) {
            return new Checked(null, List.of(e.getMessage()));
        }
    }

    private static Instant instant(String field, String text, List<String> problems) {
        try {
            return java.time.OffsetDateTime.parse(trim(text)).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDate.parse(trim(text)).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            } catch (java.time.format.DateTimeParseException e2) {
                problems.add(field + " must be a date (2026-12-31) or a time with a zone (2026-12-31T18:00:00Z), was '"
                        + shorten(trim(text)) + "'");
                return null;
            }
        }
    }

    private static Boolean bool(String text) {
        String t = trim(text).toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "", "false", "no", "n", "0" -> Boolean.FALSE;
            case "true", "yes", "y", "1" -> Boolean.TRUE;
            default -> null;
        };
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
