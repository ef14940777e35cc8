package org.sightline.geo.crime.adapter.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
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

    /** Rows in one generated block; the last row of each block is broken. */
    static final int ROWS_PER_BLOCK = 8000;

    @Test
    void twoHundredMegabyteFileIsStreamedInASmallHeap() throws Exception {
        Path file = generated();
        long blocks = Files.size(file) / blockBytes().length;
        long rows = blocks * ROWS_PER_BLOCK;
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), Main.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=" + rows + " accepted=" + (rows - blocks) + " rejected=" + blocks
                + " complete=true delivered=" + (rows - blocks));
    }

    /**
     * The file: a header and then the same block of rows repeated to about 200 MB. Generated once
     * per build into target/, never committed.
     */
    static Path generated() throws IOException {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "generated-test-data");
        Path file = dir.resolve("crime-200mb.csv");
        byte[] block = blockBytes();
        byte[] header = (PoliceUkCrimeBadInputTest.HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        long blocks = TARGET_BYTES / block.length;
        if (Files.exists(file) && Files.size(file) == header.length + blocks * block.length) {
            return file;
        }
        Files.createDirectories(dir);
        Path tmp = dir.resolve("crime-200mb.csv.part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            out.write(header);
            for (long i = 0; i < blocks; i++) {
                out.write(block);
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return file;
    }

    private static byte[] blockBytes() {
        StringBuilder sb = new StringBuilder(ROWS_PER_BLOCK * 150);
        for (int i = 1; i <= ROWS_PER_BLOCK; i++) {
            String lon = i == ROWS_PER_BLOCK ? "n/a" : String.format(Locale.ROOT, "%.6f", -2.95 + (i % 2000) * 1e-4);
            sb.append(PoliceUkCrimeBadInputTest.row(i, lon, String.format(Locale.ROOT, "%.6f", 53.35 + (i % 1500) * 1e-4)))
                    .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
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
