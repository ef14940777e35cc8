package org.sightline.ingest.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the benchmark process's CPU went during a phase: the whole process, and its threads
 * grouped by what they do (the intake's receive and writer threads, the MQTT client's event loops,
 * the benchmark's publishers, the JIT compiler, the garbage collector). Shows whether a slow round
 * was the service's own work or the JVM warming up.
 */
final class JvmCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processNanos;
    private final Map<Long, Long> threadNanos;
    private final Map<Long, String> threadNames;
    private final long gcMillis;
    private final long gcCount;
    private final long jitMillis;

    private JvmCpu(long processNanos, Map<Long, Long> threadNanos, Map<Long, String> threadNames, long gcMillis, long gcCount,
                   long jitMillis) {
        this.processNanos = processNanos;
        this.threadNanos = threadNanos;
        this.threadNames = threadNames;
        this.gcMillis = gcMillis;
        this.gcCount = gcCount;
        this.jitMillis = jitMillis;
    }

    /** The figures now. */
    static JvmCpu now() {
        Map<Long, Long> nanos = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        if (THREADS.isThreadCpuTimeSupported()) {
            for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                long cpu = THREADS.getThreadCpuTime(t.getThreadId());
                if (cpu >= 0) {
                    nanos.put(t.getThreadId(), cpu);
                    names.put(t.getThreadId(), t.getThreadName());
                }
            }
        }
        long gcMillis = 0;
        long gcCount = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMillis += Math.max(0, gc.getCollectionTime());
            gcCount += Math.max(0, gc.getCollectionCount());
        }
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long jitMillis = jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
        return new JvmCpu(processNanos(), nanos, names, gcMillis, gcCount, jitMillis);
    }

    /** CPU of the whole process since {@code before}, nanoseconds. */
    long processNanosSince(JvmCpu before) {
        return processNanos - before.processNanos;
    }

    /** Time the JIT compilers spent since {@code before}, milliseconds. */
    long jitMillisSince(JvmCpu before) {
        return jitMillis - before.jitMillis;
    }

    /**
     * The process's CPU since {@code before} per 1,000 of {@code units}, by thread group, given
     * the CPU of publishing threads that have ended meanwhile; e.g.
     * "intake receive 6.1, intake writer 3.0, MQTT client I/O 9.8, publishers 5.2, other threads 0.4, VM (JIT, GC) 2.0".
     */
    String breakdownSince(JvmCpu before, int units, long endedPublisherNanos) {
        Map<String, Long> groups = new LinkedHashMap<>();
        for (String g : new String[] {"intake receive", "intake writer", "MQTT client I/O", "publishers", "other threads"}) {
            groups.put(g, 0L);
        }
        long threadsTotal = endedPublisherNanos;
        groups.merge("publishers", endedPublisherNanos, Long::sum);
        for (Map.Entry<Long, Long> e : threadNanos.entrySet()) {
            long spent = e.getValue() - before.threadNanos.getOrDefault(e.getKey(), 0L);
            threadsTotal += spent;
            groups.merge(group(threadNames.get(e.getKey())), spent, Long::sum);
        }
        // the VM's own threads (JIT compiler, garbage collector), which the bean does not list, and
        // threads that ended during the phase
        groups.put("VM (JIT, GC)", Math.max(0, processNanosSince(before) - threadsTotal));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Long> e : groups.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(' ').append(String.format(Locale.ROOT, "%.1f", e.getValue() / 1e6 / units * 1000));
        }
        sb.append(String.format(Locale.ROOT, " (ms per 1000 reads; %d collections, %d ms paused; JIT %d ms)",
                gcCount - before.gcCount, gcMillis - before.gcMillis, jitMillisSince(before)));
        return sb.toString();
    }

    private static String group(String name) {
        if (name == null) {
            return "other threads";
        }
        if (name.startsWith("ingest-receive")) {
            return "intake receive";
        }
        if (name.startsWith("ingest-writer")) {
            return "intake writer";
        }
        if (name.startsWith("com.hivemq.client.mqtt")) {
            return "MQTT client I/O";
        }
        if (name.startsWith("sightline-bench") || name.startsWith("bench-publisher")) {
            return "publishers";
        }
        return "other threads";
    }

    private static long processNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }
}
