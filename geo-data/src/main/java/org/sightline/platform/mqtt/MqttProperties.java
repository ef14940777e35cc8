package org.sightline.platform.mqtt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Creator;
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
 * @param caFile for {@code ssl://}: PEM file of the CA certificate(s) that signed the broker's
 *               certificate; empty for the JVM's public CAs
 * @param trustStore for {@code ssl://}: a PKCS#12 or JKS trust store instead of {@code caFile}
 * @param trustStorePassword the trust store's password, or empty
 * @param clientCertFile for brokers that require client certificates: the service's certificate
 *                       (PEM, optionally followed by its intermediate CAs)
 * @param clientKeyFile the private key of {@code clientCertFile}: unencrypted PKCS#8 PEM
 */
@Context
@ConfigurationProperties("sightline.mqtt")
public record MqttProperties(
        @Bindable(defaultValue = "tcp://127.0.0.1:1883") String url,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "sightline") String clientIdPrefix,
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "true") boolean checkAtStartup,
        @Nullable String caFile,
        @Nullable String trustStore,
        @Nullable String trustStorePassword,
        @Nullable String clientCertFile,
        @Nullable String clientKeyFile) {

    private static final Pattern URL = Pattern.compile("(tcp|ssl)://[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,40}");

    @Creator
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
        String tlsKey = set(caFile) ? "ca-file" : set(trustStore) ? "trust-store" : set(clientCertFile) ? "client-cert-file"
                : set(clientKeyFile) ? "client-key-file" : null;
        if (tlsKey != null && !url.startsWith("ssl://")) {
            throw new IllegalArgumentException("sightline.mqtt." + tlsKey + " is set but sightline.mqtt.url = '" + url
                    + "' is not TLS: use ssl://host:port (or remove the TLS settings)");
        }
        if (set(caFile) && set(trustStore)) {
            throw new IllegalArgumentException("sightline.mqtt.ca-file and sightline.mqtt.trust-store are both set: give one of them");
        }
        if (set(clientCertFile) != set(clientKeyFile)) {
            throw new IllegalArgumentException("sightline.mqtt." + (set(clientCertFile) ? "client-key-file" : "client-cert-file")
                    + " is missing: a client certificate needs both client-cert-file and client-key-file");
        }
    }

    /** Settings of a connection without TLS files (plain TCP, or TLS trusting the JVM's public CAs). */
    public MqttProperties(String url, String username, String password, String clientIdPrefix, Duration connectTimeout,
                          boolean checkAtStartup) {
        this(url, username, password, clientIdPrefix, connectTimeout, checkAtStartup, null, null, null, null, null);
    }

    /** True when the broker connection is TLS ({@code ssl://}). */
    public boolean isTls() {
        return url.startsWith("ssl://");
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }
}
