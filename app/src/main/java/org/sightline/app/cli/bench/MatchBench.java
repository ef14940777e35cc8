package org.sightline.app.cli.bench;

import java.util.List;
import java.util.concurrent.Callable;
import org.sightline.alerting.match.bench.MatchBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code sightline bench match}: latency of matching one read (exact and fuzzy, with alternative
 * readings) against hotlists of 10k, 100k and 1M entries, under JMH. Needs no database or broker.
 */
@Command(name = "match", mixinStandardHelpOptions = true,
        description = "Time hotlist matching per read for 10k, 100k and 1M entries (p50/p99).")
public class MatchBench implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "10",
            description = "Measured seconds per list size, after as many of warm-up (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--sizes", split = ",", defaultValue = "10000,100000,1000000",
            description = "List sizes (default ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Override
    public Integer call() throws Exception {
        if (seconds < 2 || seconds > 120 || sizes.isEmpty() || sizes.stream().anyMatch(n -> n < 100 || n > 5_000_000)) {
            System.err.println("--seconds must be 2-120 and --sizes 100-5000000");
            return 2;
        }
        Machine.print();
        System.out.println("matcher: canonical OCR-class keys + one-deletion neighbourhood, standard classes "
                + "0ODQ,1I,2Z,5S,8B,6G, one grammar-justified free edit; JMH sample time, one thread, a forked JVM per list size");
        List<MatchBenchmark.Result> results = MatchBenchmark.run(sizes, seconds, System.out);
        if (results.size() != sizes.size()) {
            System.err.println("JMH returned figures for " + results.size() + " of " + sizes.size() + " list sizes");
            return 1;
        }
        MatchBenchmark.Result first = results.get(0);
        MatchBenchmark.Result last = results.get(results.size() - 1);
        System.out.printf(java.util.Locale.ROOT, "flatness: p50 %.2f -> %.2f µs, p99 %.2f -> %.2f µs from %,d to %,d entries%n",
                first.p50Micros(), last.p50Micros(), first.p99Micros(), last.p99Micros(), first.entries(), last.entries());
        Machine.bench("match.p50_us", last.p50Micros(), "us");
        Machine.bench("match.p99_us", last.p99Micros(), "us");
        Machine.bench("match.p99_us_smallest_list", first.p99Micros(), "us");
        return 0;
    }
}
