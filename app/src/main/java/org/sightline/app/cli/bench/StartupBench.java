package org.sightline.app.cli.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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
        List<Long> wall = new ArrayList<>();
        List<Long> own = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
            long[] r = startOnce(jar);
            if (r == null) {
                return 1;
            }
            if (i == 0) {
                System.out.printf("warm-up run: %d ms to ready (service says %d ms)%n", r[0], r[1]);
                continue;
            }
            wall.add(r[0]);
            own.add(r[1]);
            System.out.printf("run %d: %d ms from JVM launch to ready (service says %d ms)%n", i, r[0], r[1]);
        }
        Collections.sort(wall);
        Collections.sort(own);
        double medianWall = wall.get(wall.size() / 2) / 1000.0;
        double medianOwn = own.get(own.size() / 2) / 1000.0;
        System.out.printf("median: %.2f s from JVM launch, %.2f s inside the service%n", medianWall, medianOwn);
        Machine.bench("startup.jvm_to_ready_s", medianWall, "s");
        Machine.bench("startup.service_s", medianOwn, "s");
        return 0;
    }

    private long[] startOnce(Path jar) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-jar", jar.toString(), "serve")
                .redirectErrorStream(true);
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
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
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
