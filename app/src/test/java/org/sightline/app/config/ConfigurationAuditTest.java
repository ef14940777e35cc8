package org.sightline.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.app.SightlineTestProperties;
import org.sightline.platform.audit.AuditLog;
import org.sightline.testing.TestDatabase;

/** A service start records what changed in its sightline.* settings, with secrets masked. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigurationAuditTest implements SightlineTestProperties {

    @Inject
    ConfigurationAudit configuration;

    @Inject
    AuditLog audit;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> props = new HashMap<>(SightlineTestProperties.super.getProperties());
        props.put("sightline.retention.rejected-alerts", "45d");
        props.put("sightline.mqtt.password", "pw-that-must-not-appear");
        return props;
    }

    private static String snapshot() throws Exception {
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT settings FROM config_snapshot WHERE id = 1")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private List<String> changes() {
        List<String> out = new ArrayList<>();
        audit.forEach(e -> {
            if (e.event().action().equals("config.change")) {
                out.add(e.event().details());
            }
        });
        return out;
    }

    @Test
    void aChangedSettingIsAuditedOnceWithBeforeAndAfterAndSecretsStayMasked() throws Exception {
        // the start of this test's service recorded its settings
        assertThat(snapshot()).contains("sightline.retention.rejected-alerts=45d").contains("sightline.mqtt.password=***")
                .doesNotContain("pw-that-must-not-appear");
        int recorded = changes().size();
        assertThat(recorded).isPositive();

        // the same settings again: nothing to record
        assertThat(configuration.record(Instant.now())).isEmpty();
        assertThat(changes()).hasSize(recorded);

        // as if the previous start had 60 days and a key since removed
        try (Connection c = TestDatabase.get().connect(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE config_snapshot SET settings = replace(settings, 'rejected-alerts=45d', 'rejected-alerts=60d')"
                    + " || 'sightline.old.setting=x' || chr(10)");
        }
        Map<String, String> changed = configuration.record(Instant.now());
        assertThat(changed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "sightline.retention.rejected-alerts", "60d → 45d",
                "sightline.old.setting", "x → (not set)"));
        assertThat(changes()).hasSize(recorded + 1);
        assertThat(changes().get(recorded)).contains("sightline.retention.rejected-alerts: 60d → 45d")
                .doesNotContain("pw-that-must-not-appear");
    }
}
