package org.sightline.app.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.sightline.app.ServeState;
import org.sightline.app.Sightline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Starts the Sightline service. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Sightline service (HTTP pages and API, MQTT intake, alerting).")
public class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration file; may be given more than once, later files win.")
    List<Path> configFiles = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME", split = ",",
            description = "Configuration environment(s), e.g. demo or prod (loads application-NAME.yml).")
    List<String> environments = new ArrayList<>();

    @Override
    public Integer call() {
        for (Path file : configFiles) {
            if (!Files.isReadable(file)) {
                System.err.println("Configuration file not found or not readable: " + file.toAbsolutePath());
                return 2;
            }
        }
        if (!configFiles.isEmpty()) {
            System.setProperty("micronaut.config.files",
                    configFiles.stream().map(p -> p.toAbsolutePath().toString()).collect(Collectors.joining(",")));
        }
        long started = System.nanoTime();
        ApplicationContext context = null;
        try {
            ApplicationContextBuilder builder = ApplicationContext.builder()
                    .mainClass(Sightline.class)
                    .deduceEnvironment(false)
                    .banner(false)
                    .environments(environments.toArray(String[]::new));
            context = builder.start();
            EmbeddedServer server = context.getBean(EmbeddedServer.class);
            server.start();
            ApplicationContext running = context;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (running.isRunning()) {
                    running.stop();
                }
            }, "sightline-shutdown"));
            long ms = (System.nanoTime() - started) / 1_000_000;
            ServeState.markServing();
            String url = server.getURL().toString();
            LOG.info("Sightline started in {} ms at {}", ms, url);
            System.out.println("Sightline is running at " + url + " (started in " + ms + " ms)");
            System.out.println("  operator console: " + url + "/operator");
            System.out.println("  planner:          " + url + "/planner");
            System.out.println("  engineer:         " + url + "/engineer");
            return 0;
        } catch (RuntimeException | Error e) {
            LOG.debug("Start-up failed", e);
            System.err.println(StartupFailure.explain(e));
            if (context != null && context.isRunning()) {
                try {
                    context.stop();
                } catch (RuntimeException ignored) {
                    // already failing; the first error is the one to report
                }
            }
            return 2;
        }
    }
}
