package org.sightline.alerting.match.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;
import org.sightline.alerting.hotlist.domain.HotlistEntry;
import org.sightline.alerting.hotlist.domain.PlateNumber;
import org.sightline.alerting.match.domain.HotlistIndex;
import org.sightline.alerting.match.domain.MatchSettings;
import org.sightline.alerting.match.domain.PlateReading;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * JMH benchmark of one read against hotlists of growing size: {@link HotlistIndex#match} in
 * sample-time mode (JMH times single calls and reports their percentiles), over a mix of reads
 * like a camera's stream: mostly unlisted plates, some listed plates read correctly, some misread
 * (OCR confusions, a letter among the digits, a dropped character), a quarter with two
 * alternative readings. Each list size runs in a JVM of its own, forked by JMH.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MatchBenchmark {

    /** Figures for one list size (percentiles of single calls, microseconds). */
    public record Result(int entries, double p50Micros, double p99Micros, double p999Micros, double maxMicros, long samples) {
    }

    private static final String LETTERS = "ABCDEFGHJKLMNOPRSTUVWXYZ";
    private static final String TAGS = "ABCDEFGHJKLMNOPRSTUVWXY";
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final int READ_MIX = 4096;

    /** Entries on the list. */
    @Param({"10000", "100000", "1000000"})
    public int entries;

    private HotlistIndex index;
    private ReadCandidates[] reads;
    private int next;
    private double hitShare;

    /** Builds a list of {@code entries} current-format plates and the reads to match. */
    @Setup(Level.Trial)
    public void build() {
        long seed = 20261123L + entries;
        Random random = new Random(seed);
        index = new HotlistIndex(MatchSettings.standard(), entries);
        String[] listed = new String[entries];
        long t0 = System.nanoTime();
        for (int i = 0; i < entries; i++) {
            listed[i] = plate(random);
            index.put(new HotlistEntry(new UUID(seed, i), "bench", new PlateNumber(listed[i]), "benchmark", i % 101,
                    "", false, "bench", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(29)), "bench", NOW));
        }
        reads = new ReadCandidates[READ_MIX];
        for (int i = 0; i < reads.length; i++) {
            reads[i] = read(random, listed);
        }
        int hits = 0;
        for (ReadCandidates r : reads) {
            hits += index.match(r, NOW).isEmpty() ? 0 : 1;
        }
        hitShare = hits / (double) reads.length;
        System.out.printf(Locale.ROOT, "%,d entries: list built in %.1f s; %.1f %% of the read mix hits%n", entries,
                (System.nanoTime() - t0) / 1e9, 100 * hitShare);
    }

    /** Share of the read mix that matches the list (after {@link #build()}). */
    double hitShareOfReadMix() {
        return hitShare;
    }

    /** One read matched against the list (exact, OCR classes, grammar, alternatives). */
    @Benchmark
    public void match(Blackhole sink) {
        sink.consume(index.match(reads[next++ & (READ_MIX - 1)], NOW));
    }

    /**
     * Runs the benchmark for each list size in a forked JVM (the host JVM's options) and returns
     * the figures in the order of {@code sizes}.
     *
     * @param measureSeconds measured seconds per size (after as many seconds of warm-up)
     */
    public static List<Result> run(List<Integer> sizes, int measureSeconds, PrintStream out) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(MatchBenchmark.class.getName() + ".match")
                .param("entries", sizes.stream().map(String::valueOf).toArray(String[]::new))
                .forks(1)
                .threads(1)
                .warmupIterations(Math.max(1, measureSeconds / 2)).warmupTime(TimeValue.seconds(2))
                .measurementIterations(Math.max(1, measureSeconds / 2)).measurementTime(TimeValue.seconds(2))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        List<Result> results = new ArrayList<>();
        for (int size : sizes) {
            for (RunResult run : runs) {
                if (Integer.parseInt(run.getParams().getParam("entries")) == size) {
                    Statistics st = run.getPrimaryResult().getStatistics();
                    Result r = new Result(size, st.getPercentile(50), st.getPercentile(99), st.getPercentile(99.9), st.getMax(),
                            st.getN());
                    out.printf(Locale.ROOT, "%,10d entries: p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs, max %.0f µs (%,d calls sampled)%n",
                            size, r.p50Micros(), r.p99Micros(), r.p999Micros(), r.maxMicros(), r.samples());
                    results.add(r);
                }
            }
        }
        return results;
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
