package org.sightline.geo.crime.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.io.ReadSummary;
import org.sightline.testing.SharedData;

/** Reads all 29 monthly Merseyside files of ../shared/data/crime (see that README for the ranges). */
class PoliceUkCrimeRealDataTest {

    private final PoliceUkCrimeCsvReader reader = new PoliceUkCrimeCsvReader();

    @Test
    void everyMonthHasKnowsleyCountsInThePublishedRangeAndEveryRowIsAccountedFor() throws IOException {
        List<Path> files = monthlyFiles();
        assertThat(files).hasSize(29);
        CrimeFilter knowsley = CrimeFilter.ALL.withArea(AreaFilter.lsoaNamePrefix("Knowsley "));
        Map<YearMonth, Long> perMonth = new TreeMap<>();
        long allRows = 0;
        long knowsleyRows = 0;
        for (Path file : files) {
            ReadSummary summary = reader.read(file, knowsley, r -> perMonth.merge(r.month(), 1L, Long::sum));
            assertThat(summary.complete()).as(summary.describe()).isTrue();
            // every data line is either loaded, filtered out or rejected with a reason
            assertThat(summary.rowsRead()).as(file.toString()).isEqualTo(dataLines(file));
            assertThat(summary.rowsRejected()).isEqualTo(summary.problems().size());
            allRows += summary.rowsRead();
            knowsleyRows += summary.rowsAccepted();
        }
        System.out.println("Knowsley rows per month (LSOA name starts with 'Knowsley '):");
        perMonth.forEach((month, n) -> System.out.println("  " + month + "  " + n));
        System.out.println("  total " + knowsleyRows + " of " + allRows + " Merseyside rows");

        assertThat(perMonth).hasSize(29).doesNotContainKey(YearMonth.of(2019, 7));
        // README: "About 1,100-1,650 Knowsley rows a month"
        assertThat(perMonth.values()).allSatisfy(n -> assertThat(n).isBetween(1000L, 1700L));
        assertThat(knowsleyRows).isBetween(29L * 1100, 29L * 1650);
        // README: "About 410,000 rows for the whole force area"
        assertThat(allRows).isBetween(390_000L, 430_000L);
    }

    @Test
    void monthRangeAndCrimeTypeNarrowTheSelection() {
        Path file = monthlyFiles().get(0);
        CrimeFilter vehicle = new CrimeFilter(AreaFilter.lsoaNamePrefix("Knowsley "),
                new MonthRange(YearMonth.of(2018, 1), YearMonth.of(2018, 1)), Set.of("Vehicle crime"));
        long[] n = new long[1];
        ReadSummary summary = reader.read(file, vehicle, r -> {
            assertThat(r.crimeType()).isEqualTo("Vehicle crime");
            assertThat(r.lsoaName()).startsWith("Knowsley ");
            n[0]++;
        });
        assertThat(n[0]).isBetween(20L, 300L);
        assertThat(summary.rowsFiltered()).isEqualTo(summary.rowsRead() - n[0]);

        CrimeFilter otherMonth = new CrimeFilter(AreaFilter.anywhere(),
                new MonthRange(YearMonth.of(2019, 1), YearMonth.of(2019, 12)), Set.of());
        assertThat(reader.read(file, otherMonth, r -> { }).rowsAccepted()).isZero();
    }

    @Test
    void boundaryPolygonFilterAgreesWithTheLsoaPrefix() {
        List<org.sightline.geo.boundary.domain.Boundary> knowsley = new java.util.ArrayList<>();
        new org.sightline.geo.io.feature.FeatureFiles(new org.sightline.geo.crs.ProjectionService()).read(
                SharedData.require("boundaries/knowsley_E08000011_LAD20_BGC.geojsonl"), java.util.Optional.empty(),
                java.util.Optional.empty(), org.sightline.geo.boundary.adapter.file.BoundaryFeatures.mapper(
                        java.util.Optional.empty(), java.util.Optional.empty()), knowsley::add,
                org.sightline.geo.io.ReadListener.NONE);
        Path january = monthlyFiles().get(0);
        long byPolygon = reader.read(january, CrimeFilter.ALL.withArea(AreaFilter.within(knowsley.get(0).area())), r -> { })
                .rowsAccepted();
        long byPrefix = reader.read(january, CrimeFilter.ALL.withArea(AreaFilter.lsoaNamePrefix("Knowsley ")), r -> { })
                .rowsAccepted();
        System.out.println("2018-01 Knowsley rows: " + byPolygon + " inside the ONS boundary, " + byPrefix + " by LSOA name");
        // map points are snapped to streets and the boundary is generalised: close, not equal
        assertThat((double) byPolygon).isCloseTo(byPrefix, org.assertj.core.data.Percentage.withPercentage(5));
    }

    static List<Path> monthlyFiles() {
        Path dir = SharedData.require("crime");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith("-street.csv.gz")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir, e);
        }
    }

    /** Lines after the header, counted independently of the reader (the files have no quoted line breaks). */
    private static long dataLines(Path gz) throws IOException {
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        return lines - 1;
    }
}
