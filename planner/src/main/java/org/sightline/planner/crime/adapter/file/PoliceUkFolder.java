package org.sightline.planner.crime.adapter.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.sightline.geo.crime.adapter.file.PoliceUkCrimeCsvReader;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.io.ReadSummary;

/**
 * Reads a folder of data.police.uk monthly street files ({@code YYYY-MM-<force>-street.csv[.gz]})
 * with geo-data's reader, keeping the records of an area and a month range. Files whose name month
 * lies outside the range are not opened. Rows the reader rejects are counted, not fatal.
 */
public final class PoliceUkFolder {

    /** What was read: the records, and how many rows were rejected. */
    public record Loaded(List<CrimeRecord> records, long rejectedRows, int files) {
    }

    private final Path folder;

    public PoliceUkFolder(Path folder) {
        this.folder = folder;
    }

    /**
     * The records in {@code area} and {@code months}, every crime type.
     *
     * @throws IllegalArgumentException when the folder does not exist or holds no police.uk street file
     */
    public Loaded read(AreaFilter area, MonthRange months) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("crime data folder " + folder + " does not exist");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().matches("\\d{4}-\\d{2}-.*street\\.csv(\\.gz)?"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list " + folder + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no data.police.uk street files (YYYY-MM-*-street.csv[.gz]) in " + folder);
        }
        PoliceUkCrimeCsvReader reader = new PoliceUkCrimeCsvReader();
        CrimeFilter filter = new CrimeFilter(area, months, java.util.Set.of());
        List<CrimeRecord> out = new ArrayList<>();
        long rejected = 0;
        int opened = 0;
        for (Path f : files) {
            YearMonth month = YearMonth.parse(f.getFileName().toString().substring(0, 7));
            if (!months.contains(month)) {
                continue;
            }
            ReadSummary summary = reader.read(f, filter, out::add);
            rejected += summary.rowsRejected();
            opened++;
        }
        return new Loaded(out, rejected, opened);
    }
}
