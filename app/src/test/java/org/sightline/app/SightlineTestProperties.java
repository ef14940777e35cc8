package org.sightline.app;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.sightline.testing.TestDatabase;

/**
 * Points a {@code @MicronautTest} at this run's fresh PostGIS database, and gives this test JVM its
 * own MQTT topic root and client ids on the shared broker, so two test runs on one machine (two
 * developers, or CI beside a developer) never take each other's messages or sessions.
 */
public interface SightlineTestProperties extends TestPropertyProvider {

    /** This JVM's run tag: the prefix of its topics and client ids. */
    String RUN = "t" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

    /** This JVM's topic root (what the service's {@code sightline/v1} is in production). */
    String TOPIC_ROOT = RUN + "/sightline/v1";

    @Override
    default Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(TestDatabase.get().micronautProperties());
        props.put("sightline.mqtt.client-id-prefix", "sl-" + RUN);
        props.put("sightline.ingest.topic-root", TOPIC_ROOT);
        props.put("sightline.alerting.topic-root", TOPIC_ROOT);
        return props;
    }
}
