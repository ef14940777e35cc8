package org.sightline.geo.crime.domain;

import java.time.YearMonth;
import java.util.Objects;

/** An inclusive range of calendar months. */
public record MonthRange(YearMonth first, YearMonth last) {

    /** Every month. */
    public static final MonthRange ALL = new MonthRange(YearMonth.of(1900, 1), YearMonth.of(9999, 12));

    public MonthRange {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("month range ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /** Whether {@code month} lies in the range. */
    public boolean contains(YearMonth month) {
        return !month.isBefore(first) && !month.isAfter(last);
    }
}
