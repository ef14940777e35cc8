package org.sightline.app.cli.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Start-up time of the service jar: launches {@code java -jar sightline.jar serve} several times
 * (database and broker from the environment, as in production) and measures the time from
 * launching the JVM to the "Sightline is running" line, and the service's own figure.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Start the service jar N times and report the start-up time (needs SIGHTLINE_DB_URL and a broker).")
public class StartupBench implements Callable<Integer> {

    private static final Pattern STARTED = Pattern.compile("started in (\\d+) ms");

    @Option(names = "--runs", defaultValue = "5", description = "Number of starts (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
        Path jar = ownJar();
        Machine.print();
        System.out.println("jar: " + jar + " (" + jar.toFile().length() / (1024 * 1024) + " MiB)");
        Path cds = Files.createTempDirectory("sightline-cds").resolve("sightline.jsa");
        try {
            System.out.println("without a class-data archive:");
            double[] plain = series(jar, List.of());
            System.out.println("with an application class-data archive (AppCDS), as ./sightline runs the jar:");
            if (startOnce(jar, List.of("-XX:ArchiveClassesAtExit=" + cds)) == null || !Files.exists(cds)) {
                System.err.println("could not create the class-data archive");
                return 1;
            }
            double[] withCds = series(jar, List.of("-XX:SharedArchiveFile=" + cds));
            if (plain == null || withCds == null) {
                return 1;
            }
            Machine.bench("startup.plain_jvm_to_ready_s", plain[0], "s");
            Machine.bench("startup.service_s", withCds[1], "s");
            Machine.bench("startup.jvm_to_ready_s", withCds[0], "s");
            return 0;
        } finally {
            Files.deleteIfExists(cds);
            Files.deleteIfExists(cds.getParent());
        }
    }

    /** One warm-up and {@code runs} measured starts; medians of {wall, service} in seconds, or null. */
    private double[] series(Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        List<Long> wall = new ArrayList<>();
        List<Long> own = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            long[] r = startOnce(jar, jvmOptions);
            if (r == null) {
                return null;
            }
            if (i == 0) {
                continue;
            }
            wall.add(r[0]);
            own.add(r[1]);
            System.out.printf("  run %d: %d ms from JVM launch to ready (service says %d ms)%n", i, r[0], r[1]);
        }
        Collections.sort(wall);
        Collections.sort(own);
        double medianWall = wall.get(wall.size() / 2) / 1000.0;
        double medianOwn = own.get(own.size() / 2) / 1000.0;
        System.out.printf("  median: %.2f s from JVM launch, %.2f s inside the service%n", medianWall, medianOwn);
        return new double[] {medianWall, medianOwn};
    }

    private long[] startOnce(Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "serve"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("SIGHTLINE_PORT", Integer.toString(port));
        long t0 = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                Matcher m = STARTED.matcher(line);
                if (line.startsWith("Sightline is running") && m.find()) {
                    long wallMs = (System.nanoTime() - t0) / 1_000_000;
                    return new long[] {wallMs, Long.parseLong(m.group(1))};
                }
                if (!line.isBlank() && !line.contains(" INFO ")) {
                    System.out.println("  service: " + line);
                }
            }
            System.err.println("The service stopped before it was ready (exit code " + p.waitFor() + ")");
            return null;
        } finally {
            p.destroy();
            // generous: a run that writes a class-data archive does so while exiting
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path ownJar() throws URISyntaxException {
        File f = new File(StartupBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return f.toPath();
    }
}
