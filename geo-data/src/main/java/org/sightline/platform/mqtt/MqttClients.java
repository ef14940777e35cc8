package org.sightline.platform.mqtt;

import com.hivemq.client.mqtt.MqttClientTransportConfig;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuth;
import com.hivemq.client.mqtt.mqtt5.message.auth.Mqtt5SimpleAuthBuilder;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import javax.net.SocketFactory;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Makes MQTT 5 clients for the configured broker: Paho clients, and HiveMQ clients for the intake.
 *
 * <p>Pitfalls handled here once: sockets get TCP_NODELAY, plain and TLS alike (otherwise Nagle's
 * algorithm adds about 40 ms to each small QoS 1 exchange); an {@code ssl://} broker is verified
 * against the configured CA file or trust store, host name included, and the service presents its
 * client certificate when one is configured; persistence is in memory (the broker keeps persistent
 * sessions; Paho's file store would litter the working directory). Note for callers: Paho
 * 1.2.5's {@code MqttClient.subscribe(String, int, IMqttMessageListener)} recurses forever; use
 * the {@code subscribe(MqttSubscription[], IMqttMessageListener[])} form.
 */
@Singleton
public class MqttClients {

    private final MqttProperties config;
    private final SocketFactory socketFactory;
    private final MqttClientTransportConfig hiveTransport;
    private final Mqtt5SimpleAuth hiveAuth;

    /**
     * @throws IllegalArgumentException naming the key when a TLS file cannot be read or used
     */
    public MqttClients(MqttProperties config) {
        this.config = config;
        this.socketFactory = config.isTls() ? MqttTls.socketFactory(config) : new NoDelaySocketFactory();
        URI uri = URI.create(config.url());
        long timeoutMs = config.connectTimeout().toMillis();
        this.hiveTransport = MqttClientTransportConfig.builder().serverHost(uri.getHost()).serverPort(uri.getPort())
                .sslConfig(config.isTls() ? MqttTls.hiveSslConfig(config) : null)
                .socketConnectTimeout(timeoutMs, TimeUnit.MILLISECONDS).mqttConnectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                .build();
        this.hiveAuth = hiveAuth(config);
    }

    /** The settings these clients use. */
    public MqttProperties config() {
        return config;
    }

    /** A new, unconnected blocking client with the given client id. */
    public MqttClient newClient(String clientId) throws MqttException {
        return new MqttClient(config.url(), clientId, new MemoryPersistence());
    }

    /**
     * Publishes without waiting for the acknowledgement, retrying every 0.2 ms while the client's
     * in-flight window is full (or, the broker being slow to acknowledge, no message id is free),
     * for at most {@code maxWait}.
     *
     * @param listener told of the acknowledgement or failure, or null
     * @throws MqttException the client's refusal, or the full window's once {@code maxWait} has passed
     */
    public static void publishWhenWindowAllows(MqttAsyncClient client, String topic, MqttMessage message,
                                               MqttActionListener listener, Duration maxWait) throws MqttException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            try {
                client.publish(topic, message, null, listener);
                return;
            } catch (MqttException e) {
                boolean full = e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT
                        || e.getReasonCode() == MqttClientException.REASON_CODE_NO_MESSAGE_IDS_AVAILABLE;
                if (!full || System.nanoTime() > deadline) {
                    throw e;
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    /**
     * A HiveMQ MQTT 5 client builder for the configured broker, with the service's credentials, TLS
     * settings (host name verified) and connect timeout; the caller adds listeners and builds it.
     * The intake uses this client: its Netty receive path decodes a PUBLISH from a buffer where Paho
     * 1.2.5 reads each byte through synchronized streams, which was the largest cost of a read at
     * 18k reads/s (see docs/mqtt.md).
     */
    public Mqtt5ClientBuilder hiveClient(String clientId) {
        return com.hivemq.client.mqtt.MqttClient.builder().useMqttVersion5().identifier(clientId)
                .transportConfig(hiveTransport).simpleAuth(hiveAuth);
    }

    // null without a username, as Paho's options leave the login out
    private static Mqtt5SimpleAuth hiveAuth(MqttProperties config) {
        if (config.username() == null || config.username().isBlank()) {
            return null;
        }
        Mqtt5SimpleAuthBuilder.Complete auth = Mqtt5SimpleAuth.builder().username(config.username());
        if (config.password() != null) {
            auth = auth.password(config.password().getBytes(StandardCharsets.UTF_8));
        }
        return auth.build();
    }

    /** A new, unconnected asynchronous client with the given client id. */
    public MqttAsyncClient newAsyncClient(String clientId) throws MqttException {
        return new MqttAsyncClient(config.url(), clientId, new MemoryPersistence());
    }

    /**
     * Connection options with the service's credentials, TCP_NODELAY sockets (TLS ones verified
     * against the configured CA, host name included), the configured timeout, and automatic reconnect.
     *
     * @param cleanStart false for a persistent session that keeps un-acknowledged QoS 1 messages
     * @param sessionExpirySeconds how long the broker keeps the session after a disconnect (0: none)
     */
    public MqttConnectionOptions options(boolean cleanStart, long sessionExpirySeconds) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(cleanStart);
        options.setSessionExpiryInterval(sessionExpirySeconds);
        options.setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()));
        options.setAutomaticReconnect(true);
        options.setKeepAliveInterval(30);
        options.setSocketFactory(socketFactory);
        options.setHttpsHostnameVerificationEnabled(true);
        if (config.username() != null && !config.username().isBlank()) {
            options.setUserName(config.username());
            if (config.password() != null) {
                options.setPassword(config.password().getBytes(StandardCharsets.UTF_8));
            }
        }
        return options;
    }

    /**
     * Plain sockets with Nagle's algorithm off and a buffered input stream: Paho reads each
     * packet's header a byte at a time, which on a raw socket stream is a system call per byte.
     */
    static final class NoDelaySocketFactory extends SocketFactory {

        private static Socket connected(SocketAddress address) throws IOException {
            Socket s = new BufferedSocket();
            try {
                s.connect(address);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return new BufferedSocket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket s = new BufferedSocket();
            s.bind(new InetSocketAddress(localHost, localPort));
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return connected(new InetSocketAddress(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            Socket s = new BufferedSocket();
            s.bind(new InetSocketAddress(localAddress, localPort));
            s.connect(new InetSocketAddress(address, port));
            return s;
        }
    }

    /** A TCP_NODELAY socket whose input stream is buffered (one stream per socket). */
    static final class BufferedSocket extends Socket {

        private InputStream in;

        BufferedSocket() throws IOException {
            setTcpNoDelay(true);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), 64 * 1024);
            }
            return in;
        }
    }
}
