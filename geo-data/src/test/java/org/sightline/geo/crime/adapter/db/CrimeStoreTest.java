package org.sightline.geo.crime.adapter.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.LonLat;
import org.sightline.testing.TestDatabase;

@MicronautTest(startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrimeStoreTest implements TestPropertyProvider {

    @Inject
    CrimeStore store;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }

    @BeforeEach
    void empty() {
        store.deleteAll();
    }

    private static CrimeRecord asb(String location) {
        return new CrimeRecord("", YearMonth.of(2018, 1), "Merseyside Police", "Anti-social behaviour",
                new LonLat(-2.875002, 53.486621), location, "E01006448", "Knowsley 001A", "");
    }

    private long load(List<CrimeRecord> rows) {
        try (CrimeBulkLoad load = store.begin("test.csv")) {
            rows.forEach(load);
            return load.finish();
        }
    }

    @Test
    void reimportOfTheSameRowsAddsNothingButIdenticalReportsStayDistinct() {
        // two identical anti-social behaviour reports are two incidents, not a duplicate
        List<CrimeRecord> rows = List.of(asb("On or near Bigdale Drive"), asb("On or near Bigdale Drive"),
                asb("On or near Marl Road"));
        assertThat(load(rows)).isEqualTo(3);
        assertThat(load(rows)).isZero();
        assertThat(store.count()).isEqualTo(3);
        // a file that adds one more identical report adds exactly that one
        assertThat(load(List.of(asb("On or near Bigdale Drive"), asb("On or near Bigdale Drive"),
                asb("On or near Bigdale Drive")))).isEqualTo(1);
        assertThat(store.count()).isEqualTo(4);
    }

    @Test
    void storedRowsKeepTextWithTabsAndTheirPoint() throws Exception {
        load(List.of(new CrimeRecord("abc", YearMonth.of(2019, 8), "Merseyside Police", "Burglary",
                new LonLat(-2.85, 53.45), "On or near\tThe \\ Close\nHuyton", "E01006448", "Knowsley 001A", "Unable")));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT location, month, ST_X(geom), ST_Y(geom), ST_SRID(geom) FROM geo_crime")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("On or near\tThe \\ Close\nHuyton");
            assertThat(rs.getDate(2).toString()).isEqualTo("2019-08-01");
            assertThat(rs.getDouble(3)).isEqualTo(-2.85);
            assertThat(rs.getDouble(4)).isEqualTo(53.45);
            assertThat(rs.getInt(5)).isEqualTo(4326);
        }
        assertThat(store.countByMonth("Knowsley ")).containsEntry(YearMonth.of(2019, 8), 1L);
        assertThat(store.countByMonth("Liverpool ")).isEmpty();
    }

    @Test
    void theSameFileTwiceInOneLargeLoadIsStoredOnce() {
        List<CrimeRecord> file = new java.util.ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            file.add(new CrimeRecord("id" + i, YearMonth.of(2018, 1 + i % 12), "Merseyside Police", "Burglary",
                    new LonLat(-2.9 + (i % 500) * 1e-4, 53.4 + (i / 500) * 1e-4), "On or near Marl Road", "E01006448",
                    "Knowsley 001A", ""));
        }
        try (CrimeBulkLoad load = store.begin("two copies")) {
            load.nextFile("a.csv");
            file.forEach(load);
            load.nextFile("copy-of-a.csv");
            file.forEach(load);
            // a large load into an empty table takes the rebuild path; its duplicate keys are caught there
            assertThat(load.finish()).isEqualTo(12_000);
        }
        assertThat(store.count()).isEqualTo(12_000);
        try (CrimeBulkLoad again = store.begin("again")) {
            again.nextFile("a.csv");
            file.forEach(again);
            assertThat(again.finish()).isZero();
        }
    }

    @Test
    void aLoadClosedWithoutFinishingStoresNothing() {
        try (CrimeBulkLoad load = store.begin("abandoned.csv")) {
            load.accept(asb("On or near Marl Road"));
        }
        assertThat(store.count()).isZero();
    }
}
