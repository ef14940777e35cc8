package org.sightline.planner.demand.domain;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.sightline.geo.crime.domain.MonthRange;

/** Parses month ranges written {@code 2018-01..2019-12} (or a single month {@code 2020-03}). */
public final class MonthRanges {

    private MonthRanges() {
    }

    /**
     * The range named by {@code text}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static MonthRange parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a month range like 2018-01..2019-12 is needed");
        }
        String[] parts = text.strip().split("\\.\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("month range must look like 2018-01..2019-12, was '" + text + "'");
        }
        YearMonth first = month(parts[0], text);
        YearMonth last = parts.length == 2 ? month(parts[1], text) : first;
        return new MonthRange(first, last);
    }

    private static YearMonth month(String part, String whole) {
        try {
            return YearMonth.parse(part.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month range must look like 2018-01..2019-12, was '" + whole + "'");
        }
    }

    /** The range as {@code 2018-01..2019-12}. */
    public static String format(MonthRange range) {
        return range.first() + ".." + range.last();
    }
}
