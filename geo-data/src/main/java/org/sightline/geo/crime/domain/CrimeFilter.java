package org.sightline.geo.crime.domain;

import java.util.Objects;
import java.util.Set;

/** Which crime records to keep: an area, a month range and (if not empty) a set of crime types. */
public record CrimeFilter(AreaFilter area, MonthRange months, Set<String> crimeTypes) {

    /** Keeps everything. */
    public static final CrimeFilter ALL = new CrimeFilter(AreaFilter.anywhere(), MonthRange.ALL, Set.of());

    public CrimeFilter {
        Objects.requireNonNull(area, "area");
        Objects.requireNonNull(months, "months");
        crimeTypes = Set.copyOf(crimeTypes);
    }

    /** Whether the record passes every part of the filter. */
    public boolean test(CrimeRecord record) {
        return months.contains(record.month())
                && (crimeTypes.isEmpty() || crimeTypes.contains(record.crimeType()))
                && area.test(record);
    }

    /** A copy restricted to the given area. */
    public CrimeFilter withArea(AreaFilter newArea) {
        return new CrimeFilter(newArea, months, crimeTypes);
    }
}
