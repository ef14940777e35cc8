package org.sightline.app.cli.bench;

import java.io.IOException;
import java.util.Optional;
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

    /** The benchmark's own broker when {@code private} was chosen (the caller closes it), else empty. */
    Optional<PrivateBroker> start() throws IOException, InterruptedException {
        return "private".equals(broker) ? PrivateBroker.start() : Optional.empty();
    }
}
