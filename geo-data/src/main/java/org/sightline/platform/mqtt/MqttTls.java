package org.sightline.platform.mqtt;

import com.hivemq.client.mqtt.MqttClientSslConfig;
import com.hivemq.client.mqtt.MqttClientSslConfigBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the TLS settings of the service's broker connections (Paho's socket factory, the HiveMQ
 * client's SSL config) from {@code sightline.mqtt.*}: whom to trust (a PEM CA file, a PKCS#12/JKS
 * trust store, or the JVM's public CAs when neither is given) and, for brokers that require client
 * certificates, the service's own certificate and PKCS#8 key in PEM. Sockets keep TCP_NODELAY. A file that cannot be read or parsed is an
 * {@link IllegalArgumentException} naming the key, so the service stops at start with one line.
 */
final class MqttTls {

    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private MqttTls() {
    }

    /** The socket factory for an {@code ssl://} broker URL (Paho clients). */
    static SSLSocketFactory socketFactory(MqttProperties config) {
        try {
            TrustManagerFactory trust = trustManagerFactory(config);
            KeyManagerFactory keys = keyManagerFactory(config);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return new NoDelaySslSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw failed(config, e);
        }
    }

    /**
     * The same trust and client certificate for a HiveMQ client: the host name is verified (the
     * client's default when no verifier is set) and Netty's sockets have TCP_NODELAY already.
     */
    static MqttClientSslConfig hiveSslConfig(MqttProperties config) {
        try {
            MqttClientSslConfigBuilder builder = MqttClientSslConfig.builder();
            TrustManagerFactory trust = trustManagerFactory(config);
            if (trust != null) {
                builder = builder.trustManagerFactory(trust);
            }
            KeyManagerFactory keys = keyManagerFactory(config);
            if (keys != null) {
                builder = builder.keyManagerFactory(keys);
            }
            return builder.build();
        } catch (GeneralSecurityException e) {
            throw failed(config, e);
        }
    }

    private static IllegalArgumentException failed(MqttProperties config, GeneralSecurityException e) {
        return new IllegalArgumentException("sightline.mqtt.url = '" + config.url() + "': cannot set up TLS: " + e.getMessage(), e);
    }

    // null: the JVM's default trust store (public CAs)
    private static TrustManagerFactory trustManagerFactory(MqttProperties config) throws GeneralSecurityException {
        KeyStore trusted;
        if (present(config.caFile())) {
            List<Certificate> certs = certificates("sightline.mqtt.ca-file", config.caFile());
            trusted = emptyStore();
            for (int i = 0; i < certs.size(); i++) {
                trusted.setCertificateEntry("ca-" + i, certs.get(i));
            }
        } else if (present(config.trustStore())) {
            trusted = load("sightline.mqtt.trust-store", config.trustStore(), config.trustStorePassword());
        } else {
            return null;
        }
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(trusted);
        return f;
    }

    // null: no client certificate
    private static KeyManagerFactory keyManagerFactory(MqttProperties config) throws GeneralSecurityException {
        if (!present(config.clientCertFile())) {
            return null;
        }
        List<Certificate> chain = certificates("sightline.mqtt.client-cert-file", config.clientCertFile());
        PrivateKey key = privateKey(config.clientKeyFile());
        KeyStore store = emptyStore();
        store.setKeyEntry("client", key, IN_MEMORY, chain.toArray(Certificate[]::new));
        KeyManagerFactory f = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        f.init(store, IN_MEMORY);
        return f;
    }

    private static List<Certificate> certificates(String key, String file) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException(key + " = '" + file + "': holds no PEM certificate");
            }
            return new ArrayList<>(certs);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " = '" + file + "': cannot be read (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(key + " = '" + file + "': is not a PEM certificate file (" + e.getMessage() + ")", e);
        }
    }

    private static PrivateKey privateKey(String file) {
        String key = "sightline.mqtt.client-key-file";
        String pem;
        try {
            pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException(key + " = '" + file + "': cannot be read (" + e.getMessage() + ")", e);
        }
        Matcher m = PEM_KEY.matcher(pem);
        if (!m.find()) {
            throw new IllegalArgumentException(key + " = '" + file + "': must be an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY);"
                    + " convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException(key + " = '" + file + "': not an RSA, EC or Ed25519 private key");
    }

    private static KeyStore load(String key, String file, String password) {
        try {
            return KeyStore.getInstance(Path.of(file).toFile(), password == null ? new char[0] : password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(key + " = '" + file + "': cannot be opened as a PKCS#12 or JKS store ("
                    + e.getMessage() + "); check sightline.mqtt.trust-store-password", e);
        }
    }

    private static KeyStore emptyStore() throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
        return store;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** TLS sockets with Nagle's algorithm off (small QoS 1 exchanges would otherwise stall ≈ 40 ms). */
    static final class NoDelaySslSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        NoDelaySslSocketFactory(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        private static Socket tune(Socket s) throws IOException {
            s.setTcpNoDelay(true);
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return delegate.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return delegate.getSupportedCipherSuites();
        }

        @Override
        public Socket createSocket() throws IOException {
            return tune(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
            return tune(delegate.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return tune(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return tune(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return tune(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            return tune(delegate.createSocket(address, port, localAddress, localPort));
        }
    }
}
