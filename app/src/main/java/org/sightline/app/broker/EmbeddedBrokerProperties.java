package org.sightline.app.broker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;

/**
 * The embedded MQTT 5 broker used by the demo ({@code sightline.broker.embedded.*}). Production
 * uses an external broker (Mosquitto, see config/mosquitto).
 *
 * @param enabled start the embedded broker inside the service
 * @param port TCP port on 127.0.0.1
 * @param dataDir working folder of the broker (its config is written there)
 */
@ConfigurationProperties("sightline.broker.embedded")
public record EmbeddedBrokerProperties(
        @Bindable(defaultValue = "false") boolean enabled,
        @Bindable(defaultValue = "1883") int port,
        @Bindable(defaultValue = ".sightline/broker") Path dataDir) {

    public EmbeddedBrokerProperties {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("sightline.broker.embedded.port = " + port + ": must be 1-65535");
        }
    }
}
