package org.sightline.geo.crime.domain;

import java.time.YearMonth;
import java.util.Objects;
import org.sightline.geo.crs.LonLat;

/**
 * One street-level crime or anti-social behaviour record as published by data.police.uk. The
 * position is the anonymised map point (snapped to a street or point of interest), not the exact
 * place. {@code crimeId} is empty for anti-social behaviour, which police.uk does not number;
 * other text fields are empty when the source leaves them blank.
 */
public record CrimeRecord(
        String crimeId,
        YearMonth month,
        String reportedBy,
        String crimeType,
        LonLat position,
        String location,
        String lsoaCode,
        String lsoaName,
        String outcome) {

    public CrimeRecord {
        Objects.requireNonNull(month, "month");
        Objects.requireNonNull(position, "position");
        if (crimeType == null || crimeType.isBlank()) {
            throw new IllegalArgumentException("crime type is missing");
        }
        crimeId = strip(crimeId);
        reportedBy = strip(reportedBy);
        crimeType = crimeType.strip();
        location = strip(location);
        lsoaCode = strip(lsoaCode);
        lsoaName = strip(lsoaName);
        outcome = strip(outcome);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
