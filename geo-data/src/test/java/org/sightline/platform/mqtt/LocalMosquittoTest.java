package org.sightline.platform.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;

/** The private broker launcher: the options it refuses, logins it enforces, a restart on the same port. */
class LocalMosquittoTest {

    private static MqttClient connect(String url, String user, String password) throws MqttException {
        MqttClient client = new MqttClient(url, "local-mosquitto-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setAutomaticReconnect(false);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.getBytes(StandardCharsets.UTF_8));
        }
        client.connect(options);
        return client;
    }

    @Test
    void optionsThatCannotWorkAreRefused() {
        MosquittoOptions defaults = MosquittoOptions.defaults();
        assertThatThrownBy(() -> defaults.withPort(70_000)).hasMessageContaining("port must be 0-65535");
        assertThatThrownBy(() -> defaults.withAccounts(Map.of(), Path.of("some.acl"))).hasMessageContaining("ACL");
        assertThatThrownBy(() -> defaults.withTls(null, true)).hasMessageContaining("TLS listener");
    }

    @Test
    void restartedBrokerAnswersOnTheSameUrl() throws Exception {
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults())) {
            String url = broker.url();
            connect(url, null, null).disconnect();
            broker.restart();
            assertThat(broker.url()).isEqualTo(url);
            MqttClient again = connect(url, null, null);
            assertThat(again.isConnected()).isTrue();
            again.disconnect();
            assertThatThrownBy(broker::tlsUrl).hasMessageContaining("no TLS listener");
        }
    }

    @Test
    void brokerWithAccountsRefusesAnonymousClientsAndAdmitsItsUsers() throws Exception {
        try (LocalMosquitto broker = LocalMosquitto.start(MosquittoOptions.defaults().withAccounts(Map.of("unit-a", "secret-a"), null))) {
            assertThatThrownBy(() -> connect(broker.url(), null, null)).isInstanceOf(MqttException.class);
            assertThatThrownBy(() -> connect(broker.url(), "unit-a", "wrong")).isInstanceOf(MqttException.class);
            MqttClient unit = connect(broker.url(), "unit-a", "secret-a");
            assertThat(unit.isConnected()).isTrue();
            unit.disconnect();
        }
    }
}
