package org.sightline.geo.crime.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.io.ReadSummary;

/**
 * A ~200 MB generated crime file is read by a separate JVM whose heap (48 MB) is far smaller than
 * the file: it only succeeds if the reader streams.
 */
class PoliceUkCrimeStreamingTest {

    static final long TARGET_BYTES = 200L * 1024 * 1024;

    @Test
    void twoHundredMegabyteFileIsStreamedInASmallHeap() throws Exception {
        Path file = generated();
        long expectedRows = countRows(file);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=" + expectedRows + " accepted=" + (expectedRows - expectedRows / 100_000)
                + " rejected=" + expectedRows / 100_000 + " complete=true");
    }

    /** Generated once per build into target/, never committed. One row in 100,000 is broken. */
    static Path generated() throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "generated-test-data");
        Path file = dir.resolve("crime-200mb.csv");
        if (Files.exists(file) && Files.size(file) >= TARGET_BYTES) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("crime-200mb.csv.part");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(PoliceUkCrimeBadInputTest.HEADER);
            w.write('\n');
            long bytes = 0;
            for (int i = 1; bytes < TARGET_BYTES; i++) {
                String lon = i % 100_000 == 0 ? "n/a" : String.format(Locale.ROOT, "%.6f", -2.95 + (i % 2000) * 1e-4);
                String row = PoliceUkCrimeBadInputTest.row(i, lon, String.format(Locale.ROOT, "%.6f", 53.35 + (i % 1500) * 1e-4));
                w.write(row);
                w.write('\n');
                bytes += row.length() + 1;
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static long countRows(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count() - 1;
        }
    }

    /** Runs in the child JVM. */
    public static final class Main {
        public static void main(String[] args) {
            long[] n = new long[1];
            ReadSummary s = new PoliceUkCrimeCsvReader().read(Path.of(args[0]), CrimeFilter.ALL, r -> n[0]++);
            System.out.println("rows=" + s.rowsRead() + " accepted=" + s.rowsAccepted() + " rejected="
                    + s.rowsRejected() + " complete=" + s.complete() + " delivered=" + n[0]);
        }
    }
}
