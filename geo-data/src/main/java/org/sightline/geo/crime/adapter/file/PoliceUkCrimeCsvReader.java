package org.sightline.geo.crime.adapter.file;

import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.CsvRecordReader;
import org.sightline.geo.io.Decimals;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.ReadTally;

/**
 * Streams a data.police.uk street-level crime file (plain CSV or gzip) into {@link CrimeRecord}s.
 * Columns are found by header name, so their order may change. A row that cannot be used is
 * reported (file, line, reason) and skipped; it never stops the file. The file stops early only
 * when it cannot be read any further (wrong header, empty, truncated gzip), and the rows read
 * before that point are still delivered. Map points must lie inside {@code validExtent}
 * (by default the United Kingdom). Thread-safe: each call is independent.
 */
public final class PoliceUkCrimeCsvReader {

    /** The columns this reader needs; others (Crime ID, Context, ...) are optional. */
    static final List<String> REQUIRED = List.of("Month", "Longitude", "Latitude", "Crime type");

    /** The header data.police.uk publishes. */
    public static final String PUBLISHED_HEADER = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,"
            + "Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    private final Envelope validExtent;

    /** A reader that accepts map points inside the United Kingdom. */
    public PoliceUkCrimeCsvReader() {
        this(Wgs84.UNITED_KINGDOM);
    }

    /** A reader that accepts map points inside {@code validExtent} (WGS84). */
    public PoliceUkCrimeCsvReader(Envelope validExtent) {
        this.validExtent = Objects.requireNonNull(validExtent, "validExtent");
    }

    /**
     * Reads {@code file}, handing every record that passes {@code filter} to {@code sink}.
     *
     * @return counts and the first problems; never null. A missing or unreadable file is reported
     *     as the summary's file problem, not thrown.
     */
    public ReadSummary read(Path file, CrimeFilter filter, Consumer<CrimeRecord> sink, ReadListener listener) {
        ReadTally tally = new ReadTally(file.getFileName().toString(), listener);
        CsvRecordReader.read(file, listener, tally, csv -> readRows(csv, filter, sink, tally));
        return tally.summary();
    }

    /** As {@link #read(Path, CrimeFilter, Consumer, ReadListener)} without a listener. */
    public ReadSummary read(Path file, CrimeFilter filter, Consumer<CrimeRecord> sink) {
        return read(file, filter, sink, ReadListener.NONE);
    }

    private void readRows(CsvRecordReader csv, CrimeFilter filter, Consumer<CrimeRecord> sink, ReadTally tally) {
        List<String> header = csv.header(tally, "the data.police.uk header: " + PUBLISHED_HEADER).orElse(null);
        if (header == null) {
            return;
        }
        Map<String, Integer> index = Columns.index(header);
        List<String> missing = REQUIRED.stream().filter(r -> !index.containsKey(r)).toList();
        if (!missing.isEmpty()) {
            tally.fileProblem(1, "the header lacks " + missing + "; expected the data.police.uk header: "
                    + PUBLISHED_HEADER);
            return;
        }
        Columns columns = Columns.of(index);
        // a file holds one or a few months: parsing each month once saves a formatter call per row
        Map<String, YearMonth> months = new HashMap<>();
        csv.forEachRecord(header.size(), tally, (line, row) -> {
            CrimeRecord record;
            try {
                record = toRecord(row, columns, months);
            } catch (IllegalArgumentException e) {
                tally.rejected(line, e.getMessage());
                return;
            }
            if (filter.test(record)) {
                sink.accept(record);
                tally.accepted();
            } else {
                tally.filtered();
            }
        });
    }

    private CrimeRecord toRecord(List<String> row, Columns c, Map<String, YearMonth> months) {
        String monthText = row.get(c.month());
        YearMonth month = months.get(monthText);
        if (month == null) {
            try {
                month = YearMonth.parse(monthText.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Month '" + monthText + "' is not YYYY-MM");
            }
            if (months.size() < 1000) {
                months.put(monthText, month);
            }
        }
        String lonText = row.get(c.longitude()).strip();
        String latText = row.get(c.latitude()).strip();
        if (lonText.isEmpty() || latText.isEmpty()) {
            throw new IllegalArgumentException("no map point (Longitude/Latitude empty; police.uk publishes "
                    + "some records without a location)");
        }
        double lon = number("Longitude", lonText);
        double lat = number("Latitude", latText);
        if (!validExtent.contains(lon, lat)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "map point (%s, %s) is outside the accepted area %s", lonText, latText, describe(validExtent)));
        }
        return new CrimeRecord(c.get(row, c.crimeId()), month, c.get(row, c.reportedBy()), row.get(c.crimeType()),
                new LonLat(lon, lat), c.get(row, c.location()), c.get(row, c.lsoaCode()), c.get(row, c.lsoaName()),
                c.get(row, c.outcome()));
    }

    private static double number(String column, String text) {
        try {
            double v = Decimals.parse(text);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is not a number");
        }
    }

    private static String describe(Envelope e) {
        return e.equals(Wgs84.UNITED_KINGDOM) ? "(the United Kingdom)"
                : String.format(Locale.ROOT, "(lon %.2f..%.2f, lat %.2f..%.2f)", e.getMinX(), e.getMaxX(), e.getMinY(), e.getMaxY());
    }

    /** Positions of the columns this reader uses; -1 for an absent optional column (read as empty). */
    private record Columns(int crimeId, int month, int reportedBy, int longitude, int latitude, int location,
                           int lsoaCode, int lsoaName, int crimeType, int outcome) {

        /** Positions by header name (the first of two equal names wins). */
        static Map<String, Integer> index(List<String> header) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                index.putIfAbsent(header.get(i).strip(), i);
            }
            return index;
        }

        static Columns of(Map<String, Integer> index) {
            return new Columns(index.getOrDefault("Crime ID", -1), index.get("Month"), index.getOrDefault("Reported by", -1),
                    index.get("Longitude"), index.get("Latitude"), index.getOrDefault("Location", -1),
                    index.getOrDefault("LSOA code", -1), index.getOrDefault("LSOA name", -1), index.get("Crime type"),
                    index.getOrDefault("Last outcome category", -1));
        }

        String get(List<String> row, int position) {
            return position < 0 ? "" : row.get(position);
        }
    }
}
