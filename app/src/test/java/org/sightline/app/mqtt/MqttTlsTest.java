package org.sightline.app.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.eclipse.paho.mqttv5.client.IMqttMessageListener;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sightline.app.cli.ServeRun;
import org.sightline.platform.mqtt.LocalMosquitto;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.platform.mqtt.MqttProperties;

/**
 * The service's own broker connection over TLS, against a real Mosquitto with a TLS listener and
 * certificates made by config/mosquitto/make-dev-certs.sh: the right CA connects, another CA or a
 * missing client certificate is refused, and a start-up with either ends with one line and exit 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttTlsTest {

    private static final Map<String, String> ACCOUNTS = Map.of("sightline-service", "service-password", "unit-a", "password-a");

    @TempDir
    Path dir;

    private Path certs;
    private Path otherCa;
    private LocalMosquitto broker;
    private LocalMosquitto mutualBroker;

    @BeforeAll
    void brokers() throws Exception {
        certs = ShippedBrokerConfig.devCertificates("sightline-service");
        otherCa = ShippedBrokerConfig.devCertificates();
        broker = LocalMosquitto.start(ShippedBrokerConfig.secured(ACCOUNTS).withTls(certs, false));
        mutualBroker = LocalMosquitto.start(ShippedBrokerConfig.secured(ACCOUNTS).withTls(certs, true));
    }

    @AfterAll
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (mutualBroker != null) {
            mutualBroker.close();
        }
    }

    private static MqttProperties service(String url, String caFile, String trustStore, String trustStorePassword,
                                          String clientCert, String clientKey) {
        return new MqttProperties(url, "sightline-service", "service-password", "sl-tls", Duration.ofSeconds(5), true,
                caFile, trustStore, trustStorePassword, clientCert, clientKey);
    }

    private static MqttClient connect(MqttClients clients) throws MqttException {
        MqttClient client = clients.newClient("sl-tls-" + System.nanoTime());
        MqttConnectionOptions options = clients.options(true, 0);
        options.setAutomaticReconnect(false);
        client.connect(options);
        return client;
    }

    /** A unit publishes its status over the plain listener; the service's TLS subscription must receive it. */
    private static void receivesAUnitsMessage(MqttClient service, LocalMosquitto on) throws MqttException {
        List<String> received = new CopyOnWriteArrayList<>();
        service.subscribe(new MqttSubscription[] {new MqttSubscription("sightline/v1/units/+/status", 1)},
                new IMqttMessageListener[] {(t, m) -> received.add(new String(m.getPayload(), StandardCharsets.UTF_8))});
        MqttClient unit = new MqttClient(on.url(), "unit-a-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName("unit-a");
        options.setPassword("password-a".getBytes(StandardCharsets.UTF_8));
        unit.connect(options);
        try {
            String payload = "online-" + System.nanoTime();
            MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            m.setQos(1);
            unit.publish("sightline/v1/units/unit-a/status", m);
            await().atMost(Duration.ofSeconds(10)).until(() -> received.contains(payload));
        } finally {
            unit.disconnect();
            unit.close();
        }
    }

    @Test
    void theServiceConnectsOverTlsWhenItTrustsTheDevelopmentCa() throws Exception {
        MqttClients clients = new MqttClients(service(broker.tlsUrl(), certs.resolve("ca.crt").toString(), null, null, null, null));
        MqttClient client = connect(clients);
        try {
            assertThat(client.isConnected()).isTrue();
            receivesAUnitsMessage(client, broker);
        } finally {
            client.disconnect();
            client.close();
        }
    }

    @Test
    void tlsSocketsKeepTcpNoDelay() throws Exception {
        MqttClients clients = new MqttClients(service(broker.tlsUrl(), certs.resolve("ca.crt").toString(), null, null, null, null));
        try (Socket s = clients.options(true, 0).getSocketFactory().createSocket()) {
            assertThat(s).isInstanceOf(SSLSocket.class);
            assertThat(s.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aPkcs12TrustStoreWorksLikeTheCaFile() throws Exception {
        Path store = dir.resolve("trust.p12");
        Process p = new ProcessBuilder("keytool", "-importcert", "-noprompt", "-alias", "dev-ca", "-file",
                certs.resolve("ca.crt").toString(), "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", "store-secret").redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        MqttClient client = connect(new MqttClients(service(broker.tlsUrl(), null, store.toString(), "store-secret", null, null)));
        client.disconnect();
        client.close();
        assertThatThrownBy(() -> new MqttClients(service(broker.tlsUrl(), null, store.toString(), "wrong", null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sightline.mqtt.trust-store = '");
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefused() {
        MqttClients clients = new MqttClients(service(broker.tlsUrl(), otherCa.resolve("ca.crt").toString(), null, null, null, null));
        assertThatThrownBy(() -> connect(clients)).isInstanceOfSatisfying(MqttException.class, e ->
                assertThat(BrokerReachabilityCheck.explain(clients.config(), e))
                        .startsWith("The MQTT broker at " + broker.tlsUrl() + " presented a TLS certificate Sightline does not trust")
                        .contains("sightline.mqtt.ca-file"));
    }

    @Test
    void theServiceAlsoRefusesTheJvmsPublicCasForADevelopmentCertificate() {
        MqttClients clients = new MqttClients(service(broker.tlsUrl(), null, null, null, null, null));
        assertThatThrownBy(() -> connect(clients)).isInstanceOf(MqttException.class);
    }

    @Test
    void aClientCertificateIsPresentedWhenTheBrokerRequiresOne() throws Exception {
        String ca = certs.resolve("ca.crt").toString();
        MqttClient client = connect(new MqttClients(service(mutualBroker.tlsUrl(), ca, null, null,
                certs.resolve("sightline-service.crt").toString(), certs.resolve("sightline-service.key").toString())));
        receivesAUnitsMessage(client, mutualBroker);
        client.disconnect();
        client.close();

        MqttClients without = new MqttClients(service(mutualBroker.tlsUrl(), ca, null, null, null, null));
        assertThatThrownBy(() -> connect(without)).isInstanceOf(MqttException.class);
    }

    /** The intake's HiveMQ client gets the same trust and client certificate as the Paho clients. */
    @Test
    void theIntakesClientTrustsTheSameCaAndPresentsTheSameCertificate() throws Exception {
        String ca = certs.resolve("ca.crt").toString();
        Mqtt5AsyncClient trusted = new MqttClients(service(broker.tlsUrl(), ca, null, null, null, null))
                .hiveClient("sl-tls-hive-" + System.nanoTime()).buildAsync();
        assertThat(trusted.connect().get(10, TimeUnit.SECONDS).getReasonCode().isError()).isFalse();
        trusted.disconnect().get(5, TimeUnit.SECONDS);

        Mqtt5AsyncClient otherCa = new MqttClients(service(broker.tlsUrl(), this.otherCa.resolve("ca.crt").toString(),
                null, null, null, null)).hiveClient("sl-tls-hive-" + System.nanoTime()).buildAsync();
        assertThatThrownBy(() -> otherCa.connect().get(10, TimeUnit.SECONDS))
                .hasRootCauseInstanceOf(java.security.cert.CertPathValidatorException.class);

        Mqtt5AsyncClient mutual = new MqttClients(service(mutualBroker.tlsUrl(), ca, null, null,
                certs.resolve("sightline-service.crt").toString(), certs.resolve("sightline-service.key").toString()))
                .hiveClient("sl-tls-hive-" + System.nanoTime()).buildAsync();
        assertThat(mutual.connect().get(10, TimeUnit.SECONDS).getReasonCode().isError()).isFalse();
        mutual.disconnect().get(5, TimeUnit.SECONDS);

        Mqtt5AsyncClient withoutCertificate = new MqttClients(service(mutualBroker.tlsUrl(), ca, null, null, null, null))
                .hiveClient("sl-tls-hive-" + System.nanoTime()).buildAsync();
        assertThatThrownBy(() -> withoutCertificate.connect().get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void aStartWithTheWrongCaEndsWithOneLineAndExitCode2() throws Exception {
        ServeRun.Outcome o = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  mqtt:\n"
                + "    url: " + broker.tlsUrl() + "\n    username: sightline-service\n    password: service-password\n"
                + "    ca-file: " + otherCa.resolve("ca.crt") + "\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr()).doesNotContain("\n")
                .startsWith("The MQTT broker at " + broker.tlsUrl() + " presented a TLS certificate Sightline does not trust")
                .contains("set sightline.mqtt.ca-file");
    }

    @Test
    void tlsFilesThatCannotBeUsedNameTheKeyAtStart() throws Exception {
        ServeRun.Outcome missing = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  mqtt:\n"
                + "    url: " + broker.tlsUrl() + "\n    ca-file: " + dir.resolve("no-such-ca.crt") + "\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.mqtt.ca-file = '")
                .contains("cannot be read");

        Path notACert = Files.writeString(dir.resolve("not-a-cert.pem"), "hello");
        ServeRun.Outcome garbage = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  mqtt:\n"
                + "    url: " + broker.tlsUrl() + "\n    ca-file: " + notACert + "\n");
        assertThat(garbage.exitCode()).isEqualTo(2);
        assertThat(garbage.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.mqtt.ca-file = '");

        ServeRun.Outcome plain = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  mqtt:\n"
                + "    url: " + broker.url() + "\n    ca-file: " + certs.resolve("ca.crt") + "\n");
        assertThat(plain.exitCode()).isEqualTo(2);
        assertThat(plain.stderr()).doesNotContain("\n")
                .startsWith("Configuration error: sightline.mqtt.ca-file is set but sightline.mqtt.url = 'tcp://")
                .contains("use ssl://host:port");

        ServeRun.Outcome halfPair = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  mqtt:\n"
                + "    url: " + broker.tlsUrl() + "\n    client-cert-file: " + certs.resolve("sightline-service.crt") + "\n");
        assertThat(halfPair.exitCode()).isEqualTo(2);
        assertThat(halfPair.stderr()).doesNotContain("\n").startsWith("Configuration error: sightline.mqtt.client-key-file is missing");
    }

    @Test
    void aKeyInTheOldRsaFormatIsExplained() throws Exception {
        Path rsaKey = dir.resolve("rsa.key");
        Process p = new ProcessBuilder("openssl", "pkey", "-in", certs.resolve("sightline-service.key").toString(),
                "-traditional", "-out", rsaKey.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(rsaKey)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        assertThatThrownBy(() -> new MqttClients(service(mutualBroker.tlsUrl(), certs.resolve("ca.crt").toString(), null, null,
                certs.resolve("sightline-service.crt").toString(), rsaKey.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sightline.mqtt.client-key-file = '")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }
}
