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
                new LonLat(-2.85, 53.45), "On or near\tThe \\ Close\nHuyton – Café ‘Ō’", "E01006448", "Knowsley 001A",
                "Unable\u0000")));
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT location, month, ST_X(geom), ST_Y(geom), ST_SRID(geom) FROM geo_crime")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("On or near\tThe \\ Close\nHuyton – Café ‘Ō’");
            assertThat(rs.getDate(2).toString()).isEqualTo("2019-08-01");
            assertThat(rs.getDouble(3)).isEqualTo(-2.85);
            assertThat(rs.getDouble(4)).isEqualTo(53.45);
            assertThat(rs.getInt(5)).isEqualTo(4326);
        }
        // PostgreSQL text cannot hold NUL: the row is kept with the character marked unreadable
        assertThat(outcomes()).containsExactly("Unable\uFFFD");
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
    void aLoadClosedWithoutFinishingStoresNothingAndKeepsTheIndexes() throws Exception {
        List<String> indexes = indexDefinitions();
        try (CrimeBulkLoad load = store.begin("abandoned.csv")) {
            load.accept(asb("On or near Marl Road"));
        }
        assertThat(store.count()).isZero();
        assertThat(indexDefinitions()).isEqualTo(indexes);
    }

    @Test
    void aLoadIntoTheEmptyTableRebuildsExactlyTheIndexesTheMigrationsDefined() throws Exception {
        List<String> indexes = indexDefinitions();
        assertThat(indexes).anyMatch(d -> d.contains("USING gist (geom)")).anyMatch(d -> d.contains("PRIMARY KEY")
                || d.contains("geo_crime_pkey"));
        try (CrimeBulkLoad load = store.begin("first.csv")) {
            load.accept(asb("On or near Marl Road"));
            assertThat(load.finish()).isEqualTo(1);
            assertThat(load.phases()).hasValueSatisfying(p -> assertThat(p.emptyTable()).isTrue());
        }
        assertThat(indexDefinitions()).isEqualTo(indexes);
        try (CrimeBulkLoad load = store.begin("second.csv")) {
            load.accept(asb("On or near Bigdale Drive"));
            assertThat(load.finish()).isEqualTo(1);
            assertThat(load.phases()).hasValueSatisfying(p -> assertThat(p.emptyTable()).isFalse());
        }
        assertThat(indexDefinitions()).isEqualTo(indexes);
    }

    @Test
    void aRevisedOutcomeUpdatesTheStoredRowInSmallAndLargeLoads() throws Exception {
        CrimeRecord burglary = new CrimeRecord("c0ffee", YearMonth.of(2019, 3), "Merseyside Police", "Burglary",
                new LonLat(-2.86, 53.42), "On or near Marl Road", "E01006448", "Knowsley 001A", "Under investigation");
        List<CrimeRecord> others = new java.util.ArrayList<>();
        for (int i = 0; i < 12_000; i++) {
            others.add(new CrimeRecord("x" + i, YearMonth.of(2019, 3), "Merseyside Police", "Vehicle crime",
                    new LonLat(-2.9 + (i % 500) * 1e-4, 53.4 + (i / 500) * 1e-4), "On or near Marl Road", "E01006448",
                    "Knowsley 001A", "Under investigation"));
        }
        assertThat(load(List.of(burglary))).isEqualTo(1);
        // police.uk republishes the month with the outcome it has reached since
        assertThat(load(List.of(withOutcome(burglary, "Unable to prosecute suspect")))).isEqualTo(1);
        assertThat(outcomes()).containsExactly("Unable to prosecute suspect");
        // a load large enough to rebuild the indexes updates outcomes too
        List<CrimeRecord> large = new java.util.ArrayList<>(others);
        large.add(withOutcome(burglary, "Offender given a caution"));
        assertThat(load(large)).isEqualTo(12_001);
        assertThat(store.count()).isEqualTo(12_001);
        assertThat(outcomes()).contains("Offender given a caution").doesNotContain("Unable to prosecute suspect");
    }

    @Test
    void rowKeysAreTheHashOfTheDocumentedContentSoEarlierImportsStayRecognised() throws Exception {
        CrimeRecord r = asb("On or near Marl Road");
        String content = "2018-01||Merseyside Police|Anti-social behaviour|-2.875002|53.486621|On or near Marl Road"
                + "|E01006448|Knowsley 001A";
        CrimeRowEncoder encoder = new CrimeRowEncoder("any.csv");
        assertThat(encoder.rowKey(r)).isEqualTo(sha256Uuid(content));
        assertThat(encoder.rowKey(r)).isEqualTo(sha256Uuid(content + "#1"));
        assertThat(new CrimeRowEncoder("other.csv").rowKey(withOutcome(r, "Court result unavailable")))
                .isEqualTo(sha256Uuid(content));
        // text outside ASCII is hashed as UTF-8, coordinates as Double.toString writes them
        CrimeRecord cafe = new CrimeRecord("ab12", YearMonth.of(2020, 6), "Merseyside Police", "Burglary",
                new LonLat(-2.9, 53.4000001), "On or near Café ‘Ō’ Road", "E01006448", "Knowsley 001A", "");
        assertThat(new CrimeRowEncoder("x.csv").rowKey(cafe)).isEqualTo(sha256Uuid(
                "2020-06|ab12|Merseyside Police|Burglary|-2.9|53.4000001|On or near Café ‘Ō’ Road|E01006448|Knowsley 001A"));
    }

    private static CrimeRecord withOutcome(CrimeRecord r, String outcome) {
        return new CrimeRecord(r.crimeId(), r.month(), r.reportedBy(), r.crimeType(), r.position(), r.location(),
                r.lsoaCode(), r.lsoaName(), outcome);
    }

    private static java.util.UUID sha256Uuid(String text) throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(h);
        return new java.util.UUID(b.getLong(), b.getLong());
    }

    private static List<String> outcomes() throws Exception {
        return column("SELECT DISTINCT outcome FROM geo_crime ORDER BY 1");
    }

    private static List<String> indexDefinitions() throws Exception {
        return column("SELECT indexdef FROM pg_indexes WHERE tablename = 'geo_crime' ORDER BY indexname");
    }

    private static List<String> column(String sql) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
