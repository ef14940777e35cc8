package org.sightline.app.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker inside the service, on 127.0.0.1, for the demo. Started before anything that
 * connects to MQTT and stopped with the service.
 */
@Context
@Requires(property = "sightline.broker.embedded.enabled", value = "true")
public class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private final EmbeddedHiveMQ hivemq;
    private final int port;

    public EmbeddedBroker(EmbeddedBrokerProperties config) {
        this.port = config.port();
        Path root = config.dataDir().toAbsolutePath();
        Path conf = root.resolve("conf");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(root.resolve("data"));
            Files.createDirectories(root.resolve("extensions"));
            Files.writeString(conf.resolve("config.xml"), template().replace("@PORT@", Integer.toString(port)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the embedded broker folder " + root + ": " + e.getMessage(), e);
        }
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(root.resolve("data"))
                .withExtensionsFolder(root.resolve("extensions"))
                .withoutLoggingBootstrap()
                .build();
        try {
            hivemq.start().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The embedded MQTT broker could not start on 127.0.0.1:" + port
                    + " (is the port taken?): " + e.getMessage(), e);
        }
        LOG.info("Embedded MQTT 5 broker listening on 127.0.0.1:{}", port);
    }

    /** The TCP port the broker listens on. */
    public int port() {
        return port;
    }

    @Override
    @PreDestroy
    public void close() {
        try {
            hivemq.stop().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Embedded broker did not stop cleanly: {}", e.toString());
        }
    }

    private static String template() throws IOException {
        try (InputStream in = EmbeddedBroker.class.getClassLoader().getResourceAsStream("broker/hivemq-config.xml")) {
            if (in == null) {
                throw new IOException("broker/hivemq-config.xml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
