package org.sightline.geo.crime.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.RowProblem;

/** The bad-input corpus: each broken file is reported clearly and every valid row still loads. */
class PoliceUkCrimeBadInputTest {

    static final String HEADER = PoliceUkCrimeCsvReader.PUBLISHED_HEADER;

    @TempDir
    Path dir;

    private final PoliceUkCrimeCsvReader reader = new PoliceUkCrimeCsvReader();
    private final List<CrimeRecord> loaded = new ArrayList<>();
    private final List<RowProblem> reported = new ArrayList<>();

    static String row(int i, String lon, String lat) {
        return "id" + i + ",2018-01,Merseyside Police,Merseyside Police," + lon + "," + lat
                + ",On or near Marl Road,E01006448,Knowsley 001A,Vehicle crime,Under investigation,";
    }

    private ReadSummary read(Path file) {
        return reader.read(file, CrimeFilter.ALL, loaded::add, new org.sightline.geo.io.ReadListener() {
            @Override
            public void problem(RowProblem problem) {
                reported.add(problem);
            }
        });
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void nonNumericCoordinatesRejectOnlyThatRowWithLineAndReason() throws IOException {
        Path file = write("bad-coords.csv", String.join("\n", HEADER, row(1, "-2.87", "53.48"),
                row(2, "abc", "53.48"), row(3, "-2.86", "53.47"), ""));
        ReadSummary s = read(file);
        assertThat(s.rowsAccepted()).isEqualTo(2);
        assertThat(s.rowsRejected()).isEqualTo(1);
        assertThat(s.complete()).isTrue();
        assertThat(reported).singleElement().hasToString("bad-coords.csv:3: Longitude 'abc' is not a number");
        assertThat(loaded).extracting(CrimeRecord::crimeId).containsExactly("id1", "id3");
    }

    @Test
    void coordinatesOutsideTheUnitedKingdomAreRejected() throws IOException {
        Path file = write("outside.csv", String.join("\n", HEADER, row(1, "2.35", "48.85"),
                row(2, "0", "0"), row(3, "-2.87", "53.48")));
        ReadSummary s = read(file);
        assertThat(s.rowsAccepted()).isEqualTo(1);
        assertThat(reported).extracting(RowProblem::line).containsExactly(2L, 3L);
        assertThat(reported.get(0).reason()).contains("(2.35, 48.85)").contains("outside").contains("United Kingdom");
    }

    @Test
    void wrongHeaderStopsTheFileWithTheExpectedHeaderInTheMessage() throws IOException {
        Path file = write("wrong-header.csv", "id,when,x,y\n1,2018-01,-2.8,53.4\n");
        ReadSummary s = read(file);
        assertThat(s.complete()).isFalse();
        assertThat(s.rowsRead()).isZero();
        assertThat(s.fileProblem().orElseThrow().reason())
                .contains("lacks [Month, Longitude, Latitude, Crime type]").contains(HEADER);
    }

    @Test
    void emptyFileIsReportedAsEmpty() throws IOException {
        ReadSummary s = read(write("empty.csv", ""));
        assertThat(s.fileProblem().orElseThrow().reason()).startsWith("the file is empty");
        ReadSummary gz = read(gzip("empty.csv.gz", new byte[0]));
        assertThat(gz.fileProblem().orElseThrow().reason()).startsWith("the file is empty");
    }

    @Test
    void truncatedGzipKeepsEveryCompleteRowBeforeTheBreak() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < 20_000; i++) {
            csv.append(row(i, String.format(java.util.Locale.ROOT, "%.6f", -2.9 + (i % 1000) * 1e-4),
                    String.format(java.util.Locale.ROOT, "%.6f", 53.4 + (i % 777) * 1e-4))).append('\n');
        }
        Path whole = gzip("whole.csv.gz", csv.toString().getBytes(StandardCharsets.UTF_8));
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = Files.write(dir.resolve("truncated.csv.gz"), Arrays.copyOf(bytes, bytes.length / 2));

        ReadSummary s = read(truncated);
        assertThat(s.complete()).isFalse();
        assertThat(s.fileProblem().orElseThrow().reason()).contains("ends unexpectedly").contains("truncated");
        assertThat(s.rowsAccepted()).isBetween(1_000L, 19_999L);
        assertThat(s.rowsRejected()).isZero();
        // rows arrive in file order with nothing skipped before the break
        for (int i = 0; i < loaded.size(); i++) {
            assertThat(loaded.get(i).crimeId()).isEqualTo("id" + i);
        }
    }

    @Test
    void corruptGzipHeaderIsReportedNotThrown() throws IOException {
        Path file = Files.write(dir.resolve("corrupt.csv.gz"), new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4});
        ReadSummary s = read(file);
        assertThat(s.complete()).isFalse();
        assertThat(s.fileProblem().orElseThrow().toString()).startsWith("corrupt.csv.gz: ");
    }

    @Test
    void missingFileIsReportedNotThrown() {
        ReadSummary s = read(dir.resolve("nowhere.csv"));
        assertThat(s.fileProblem().orElseThrow().reason()).startsWith("file not found");
    }

    @Test
    void quotedFieldsWrongFieldCountsAndMissingLocationsAreHandledPerRow() throws IOException {
        String quoted = "q1,2018-02,Merseyside Police,Merseyside Police,-2.85,53.45,\"On or near \"\"The\"\" Close, Huyton\","
                + "E01006448,Knowsley 001A,Burglary,\"Line one\nline two\",";
        Path file = write("mixed.csv", String.join("\r\n", HEADER, quoted, "short,row",
                "n1,2018-02,Merseyside Police,Merseyside Police,,,No location,,,Other crime,,", row(9, "-2.8", "53.4")));
        ReadSummary s = read(file);
        assertThat(loaded).extracting(CrimeRecord::crimeId).containsExactly("q1", "id9");
        assertThat(loaded.get(0).location()).isEqualTo("On or near \"The\" Close, Huyton");
        assertThat(loaded.get(0).outcome()).isEqualTo("Line one\nline two");
        // the quoted line break moves the following rows down one line
        assertThat(reported).extracting(RowProblem::line).containsExactly(4L, 5L);
        assertThat(reported.get(0).reason()).isEqualTo("has 2 fields, the header has 12");
        assertThat(reported.get(1).reason()).startsWith("no map point");
        assertThat(s.rowsRead()).isEqualTo(4);
    }

    private Path gzip(String name, byte[] content) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
        return file;
    }
}
