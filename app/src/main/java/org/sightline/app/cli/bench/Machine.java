package org.sightline.app.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Describes the machine a benchmark ran on, for the first lines of its output. */
public final class Machine {

    private Machine() {
    }

    /** One line: cores, memory, CPU model, OS and Java version, and the load average now. */
    public static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "machine: %d cores, %.1f GiB RAM, %s; %s %s; Java %s (%s), max heap %.1f GiB; %s",
                rt.availableProcessors(), totalMemoryGiB(), cpuModel(),
                System.getProperty("os.name"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                rt.maxMemory() / (1024.0 * 1024 * 1024), loadAverage());
    }

    /**
     * "load average 1m 5m 15m" from /proc/loadavg: other work on the machine shows in every figure,
     * so a benchmark prints it before and after it runs.
     */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return "load average " + f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return l < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.2f", l);
        }
    }

    /** Prints the machine line. */
    public static void print() {
        System.out.println(describe());
    }

    /** Prints a final figure in the form the benchmark harness reads. */
    public static void bench(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s %s %s%n", name, format(value), unit);
    }

    private static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.1f" : "%.4g", value);
    }

    private static double totalMemoryGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / (1024.0 * 1024);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: fall through
        }
        return Double.NaN;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return "unknown CPU";
    }
}
