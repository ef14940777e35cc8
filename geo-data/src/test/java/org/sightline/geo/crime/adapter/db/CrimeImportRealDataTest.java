package org.sightline.geo.crime.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.crime.adapter.file.PoliceUkCrimeCsvReader;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.io.ReadSummary;
import org.sightline.testing.SharedData;
import org.sightline.testing.TestDatabase;

/** One real month end to end: file, reader, COPY into PostGIS, re-import. */
@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrimeImportRealDataTest implements TestPropertyProvider {

    @Inject
    CrimeStore store;

    @Inject
    org.sightline.geo.transfer.GeoImportService imports;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @Test
    void aRealMonthLoadsOnceAndItsReimportAddsNothing() {
        store.deleteAll();
        Path file = SharedData.require("crime/2018-01-merseyside-street.csv.gz");
        PoliceUkCrimeCsvReader reader = new PoliceUkCrimeCsvReader();
        long started = System.nanoTime();
        ReadSummary summary;
        long stored;
        try (CrimeBulkLoad load = store.begin(file.getFileName().toString())) {
            summary = reader.read(file, CrimeFilter.ALL, load);
            stored = load.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("loaded %d rows of %s in %.2f s (%.0f rows/s)%n", stored, file.getFileName(), seconds, stored / seconds);
        assertThat(summary.complete()).isTrue();
        assertThat(stored).isEqualTo(summary.rowsAccepted()).isEqualTo(13_220);
        assertThat(store.countByMonth("Knowsley ")).containsExactly(Map.entry(YearMonth.of(2018, 1), 1299L));

        try (CrimeBulkLoad again = store.begin(file.getFileName().toString())) {
            reader.read(file, CrimeFilter.ALL, again);
            assertThat(again.finish()).isZero();
        }
        assertThat(store.count()).isEqualTo(13_220);
    }

    @Test
    void filesReadInParallelLoadEveryRowOnceAndReimportAddsNothing() throws Exception {
        store.deleteAll();
        List<Path> files = List.of(SharedData.require("crime/2018-02-merseyside-street.csv.gz"),
                SharedData.require("crime/2018-03-merseyside-street.csv.gz"),
                SharedData.require("crime/2018-04-merseyside-street.csv.gz"));
        List<long[]> progress = new java.util.ArrayList<>();
        var first = imports.crimes(files, CrimeFilter.ALL, new org.sightline.geo.io.ReadListener() {
            @Override
            public void progress(long bytesRead, long totalBytes) {
                progress.add(new long[] {bytesRead, totalBytes});
            }
        });
        // one progress over the three files, in order, reaching their total size once
        long total = 0;
        for (Path f : files) {
            total += java.nio.file.Files.size(f);
        }
        long expectedTotal = total;
        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p[1]).isEqualTo(expectedTotal));
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThanOrEqualTo(progress.get(i - 1)[0]);
        }
        assertThat(progress).filteredOn(p -> p[0] == expectedTotal).hasSize(1);
        assertThat(first.files()).extracting(ReadSummary::source).containsExactly(
                "2018-02-merseyside-street.csv.gz", "2018-03-merseyside-street.csv.gz", "2018-04-merseyside-street.csv.gz");
        assertThat(first.stored()).isEqualTo(12_441 + 13_613 + 13_916).isEqualTo(first.rowsAccepted());
        assertThat(imports.crimes(files, CrimeFilter.ALL, org.sightline.geo.io.ReadListener.NONE).stored()).isZero();
        assertThat(store.countByMonth("")).containsExactly(Map.entry(YearMonth.of(2018, 2), 12_441L),
                Map.entry(YearMonth.of(2018, 3), 13_613L), Map.entry(YearMonth.of(2018, 4), 13_916L));
    }
}
