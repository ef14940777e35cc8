package org.sightline.app.cli.bench;

import java.io.IOException;
import java.util.Optional;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.platform.mqtt.MosquittoOptions;
import picocli.CommandLine.Option;

/**
 * The {@code --broker} option of the benchmarks that drive MQTT: a private Mosquitto sized as in
 * production (the default), or the configured broker.
 */
public class BrokerChoice {

    @Option(names = "--broker", defaultValue = "private",
            description = "private: a Mosquitto of the benchmark's own sized as in production (when mosquitto is installed); "
                    + "configured: the configured broker (SIGHTLINE_MQTT_URL, else the machine's) (default ${DEFAULT-VALUE}).")
    String broker;

    /** Whether the option holds one of its two values. */
    boolean valid() {
        return "private".equals(broker) || "configured".equals(broker);
    }

    /**
     * The benchmark's own broker when {@code private} was chosen and mosquitto is installed (the
     * caller closes it), else empty. It is sized as the production broker so that a benchmark
     * measures the service rather than Mosquitto's defaults (1000 queued, 20 in flight), which drop
     * messages for a subscriber that falls a fraction of a second behind.
     */
    Optional<LocalMosquitto> start() throws IOException, InterruptedException {
        if (!"private".equals(broker) || LocalMosquitto.findBinary().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(LocalMosquitto.start(MosquittoOptions.defaults().withProductionLimits()));
    }
}
