package org.sightline.alerting.match.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.alerting.match.domain.HotlistIndex;
import org.sightline.alerting.match.domain.MatchSettings;
import org.sightline.alerting.match.domain.PlateReading;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * Latency of one read against hotlists of growing size: the per-call time of
 * {@link HotlistIndex#match} measured one call at a time with {@code System.nanoTime} (about 25 ns
 * of timer overhead is included), after a warm-up, over a mix of reads like a camera's stream:
 * mostly unlisted plates, some listed plates read correctly, some misread (OCR confusions, a
 * letter among the digits, a dropped character), a quarter with two alternative readings.
 * A hand-written harness rather than JMH: it runs inside the service's shaded jar and reports the
 * percentiles of single calls, which is the figure the control room cares about.
 */
public final class MatchBenchmark {

    /** Figures for one list size. */
    public record Result(int entries, double p50Micros, double p99Micros, double p999Micros, double maxMicros,
                         double readsPerSecond, double hitShare, long heapMiB) {
    }

    private static final String LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ";
    private static final String TAGS = "ABCDEFGHJKLMNOPRSTUVWXY";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final PrintStream out;
    private final int measuredReads;

    /**
     * @param out where progress lines go
     * @param measuredReads reads timed per list size (after as many warm-up reads)
     */
    public MatchBenchmark(PrintStream out, int measuredReads) {
        this.out = out;
        this.measuredReads = measuredReads;
    }

    /** Builds a list of {@code size} current-format plates and times reads against it. */
    public Result run(int size, long seed) {
        Random random = new Random(seed);
        HotlistIndex index = new HotlistIndex(MatchSettings.standard(), size);
        String[] listed = new String[size];
        long t0 = System.nanoTime();
        for (int i = 0; i < size; i++) {
            listed[i] = plate(random);
            index.put(new HotlistEntry(new UUID(seed, i), "bench", new PlateNumber(listed[i]), "benchmark", i % 101,
                    "", false, "bench", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)), "bench", NOW));
        }
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        ReadCandidates[] reads = new ReadCandidates[4096];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = read(random, listed);
        }
        for (int i = 0; i < measuredReads; i++) {
            index.match(reads[i & 4095], NOW);
        }
        long[] nanos = new long[measuredReads];
        int hits = 0;
        long start = System.nanoTime();
        for (int i = 0; i < measuredReads; i++) {
            long a = System.nanoTime();
            int n = index.match(reads[i & 4095], NOW).size();
            nanos[i] = System.nanoTime() - a;
            hits += n > 0 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        Runtime rt = Runtime.getRuntime();
        long heapMiB = (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024);
        Result r = new Result(size, nanos[measuredReads / 2] / 1000.0, nanos[(int) (measuredReads * 0.99)] / 1000.0,
                nanos[(int) (measuredReads * 0.999)] / 1000.0, nanos[measuredReads - 1] / 1000.0,
                measuredReads / seconds, hits / (double) measuredReads, heapMiB);
        out.printf(Locale.ROOT, "%,10d entries (built in %.1f s, heap in use %,d MiB): p50 %.2f µs, p99 %.2f µs, "
                        + "p99.9 %.2f µs, max %.0f µs; %,.0f reads/s on one thread; %.1f %% of reads hit%n",
                size, buildSeconds, heapMiB, r.p50Micros(), r.p99Micros(), r.p999Micros(), r.maxMicros(),
                r.readsPerSecond(), 100 * r.hitShare());
        return r;
    }

    private static ReadCandidates read(Random random, String[] listed) {
        String primary;
        int kind = random.nextInt(100);
        if (kind < 70) {
            primary = plate(random); // unlisted (almost surely)
        } else {
            String p = listed[random.nextInt(listed.length)];
            if (kind < 80) {
                primary = p;
            } else if (kind < 90) {
                primary = p.substring(0, 2) + confuse(p.charAt(2)) + confuse(p.charAt(3)) + p.substring(4);
            } else if (kind < 95) {
                primary = p.substring(0, 3) + "T" + p.substring(4);
            } else {
                primary = p.substring(0, 6);
            }
        }
        List<PlateReading> alternatives = random.nextInt(4) == 0
                ? List.of(new PlateReading(plate(random), 0.3), new PlateReading(plate(random), 0.2))
                : List.of();
        return new ReadCandidates(new PlateReading(primary, 0.9), alternatives);
    }

    private static char confuse(char c) {
        return switch (c) {
            case '0' -> 'O';
            case '1' -> 'I';
            case '2' -> 'Z';
            case '5' -> 'S';
            case '8' -> 'B';
            case '6' -> 'G';
            default -> c;
        };
    }

    private static String plate(Random r) {
        char[] c = new char[7];
        c[0] = TAGS.charAt(r.nextInt(TAGS.length()));
        c[1] = TAGS.charAt(r.nextInt(TAGS.length()));
        c[2] = (char) ('0' + r.nextInt(10));
        c[3] = (char) ('0' + r.nextInt(10));
        for (int i = 4; i < 7; i++) {
            c[i] = LETTERS.charAt(r.nextInt(LETTERS.length()));
        }
        return new String(c);
    }
}
