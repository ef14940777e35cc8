package org.sightline.platform.mqtt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The service's connection to the MQTT broker ({@code sightline.mqtt.*}).
 *
 * @param url broker address, {@code tcp://host:port} or {@code ssl://host:port}
 * @param username the service's own broker account, or empty for none
 * @param password its password
 * @param clientIdPrefix prefix of the service's MQTT client ids (each instance appends its own suffix)
 * @param connectTimeout how long to wait for the broker at start
 * @param checkAtStartup refuse to start when the broker cannot be reached
 */
@Context
@ConfigurationProperties("sightline.mqtt")
public record MqttProperties(
        @Bindable(defaultValue = "tcp://127.0.0.1:1883") String url,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "sightline") String clientIdPrefix,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "true") boolean checkAtStartup) {

    private static final Pattern URL = Pattern.compile("(tcp|ssl)://[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    public MqttProperties {
        if (url == null || !URL.matcher(url).matches()) {
            throw new IllegalArgumentException("sightline.mqtt.url = '" + url
                    + "': must be tcp://host:port or ssl://host:port (e.g. tcp://127.0.0.1:1883)");
        }
        if (clientIdPrefix == null || !CLIENT_ID.matcher(clientIdPrefix).matches()) {
            throw new IllegalArgumentException("sightline.mqtt.client-id-prefix = '" + clientIdPrefix
                    + "': must be 1-40 letters, digits, '-' or '_'");
        }
        if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()
                || connectTimeout.toSeconds() > 120) {
            throw new IllegalArgumentException("sightline.mqtt.connect-timeout = " + connectTimeout
                    + ": must be between 1s and 120s");
        }
    }
}
