package org.sightline.ingest.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.testing.TestDatabase;

class PeerSettingsTest {

    @Test
    void peersAreBoundFromConfigurationWithTheirCameraMappings() {
        Map<String, Object> config = new HashMap<>(TestDatabase.get().micronautProperties());
        config.putAll(Map.of(
                "sightline.ingest.frigate.depot.unit-id", "KN-U07",
                "sightline.ingest.frigate.depot.cameras", List.of("Front_Drive=KN-014-A", "gate lpr = KN-014-B"),
                "sightline.ingest.openalpr.huyton.topic", "alprd/huyton/results",
                "sightline.ingest.openalpr.huyton.site-id", "Huyton_Depot",
                "sightline.ingest.openalpr.huyton.unit-id", "KN-U03",
                "sightline.ingest.openalpr.huyton.cameras", List.of("1=KN-003-A"),
                "sightline.ingest.openalpr.huyton.takes", "alpr_group"));
        try (ApplicationContext ctx = ApplicationContext.run(config)) {
            Peers peers = ctx.getBean(PeerSettings.class).peers();
            FrigateSource depot = peers.frigate().get(0);
            assertThat(depot.topicPrefix()).isEqualTo("frigate");
            assertThat(depot.eventsTopic()).isEqualTo("frigate/events");
            assertThat(depot.cameras().find("Front_Drive").orElseThrow().value()).isEqualTo("KN-014-A");
            assertThat(depot.cameras().find("gate lpr").orElseThrow().value()).isEqualTo("KN-014-B");
            AlprSite huyton = peers.alprSites().get(0);
            assertThat(huyton.siteId()).isEqualTo("Huyton_Depot");
            assertThat(huyton.takes()).isEqualTo(AlprSite.Takes.ALPR_GROUP);
            assertThat(peers.topicFilters()).containsExactly("frigate/events", "frigate/tracked_object_update", "alprd/huyton/results");
        }
    }

    @Test
    void noPeersConfiguredIsNoPeers() {
        try (ApplicationContext ctx = ApplicationContext.run(new HashMap<>(TestDatabase.get().micronautProperties()))) {
            assertThat(ctx.getBean(PeerSettings.class).peers().topicFilters()).isEmpty();
        }
    }

    @Test
    void aBadSettingIsRefusedWithItsFullKey() {
        assertThatThrownBy(() -> new FrigateProperties("depot", "frigate", "KN U07", List.of("a=B")).source())
                .hasMessageStartingWith("sightline.ingest.frigate.depot.unit-id = 'KN U07': unit id must be");
        assertThatThrownBy(() -> new FrigateProperties("depot", "frigate/#", "KN-U07", List.of("a=B")).source())
                .hasMessageStartingWith("sightline.ingest.frigate.depot.topic-prefix = 'frigate/#': topic prefix must be");
        assertThatThrownBy(() -> new FrigateProperties("depot", "frigate", "KN-U07", null).source())
                .hasMessageStartingWith("sightline.ingest.frigate.depot.cameras is missing");
        assertThatThrownBy(() -> new FrigateProperties("depot", "frigate", "KN-U07", List.of("driveway")).source())
                .hasMessage("sightline.ingest.frigate.depot.cameras = 'driveway': must be \"<peer camera>=<Sightline camera id>\"");
        assertThatThrownBy(() -> new FrigateProperties("depot", "frigate", "KN-U07", List.of("a=B", "a=C")).source())
                .hasMessageContaining("mapped twice");
        assertThatThrownBy(() -> new OpenAlprProperties("h", "alprd/#", "site", "KN-U03", List.of("1=A"), "groups").site())
                .hasMessage("sightline.ingest.openalpr.h.takes = 'groups': must be alpr_results or alpr_group");
        assertThatThrownBy(() -> new OpenAlprProperties("h", "alprd/#/x", "site", "KN-U03", List.of("1=A"), "alpr_results").site())
                .hasMessageStartingWith("sightline.ingest.openalpr.h.topic = 'alprd/#/x': topic must be an MQTT topic filter");
        assertThatThrownBy(() -> new OpenAlprProperties("h", "alprd/#", " ", "KN-U03", List.of("1=A"), "alpr_results").site())
                .hasMessageStartingWith("sightline.ingest.openalpr.h.site-id = ' '");
    }

    @Test
    void twoPeersOnOneTopicOrAPeerInsideTheProtocolTreeAreRefused() {
        FrigateProperties a = new FrigateProperties("a", "frigate", "KN-U07", List.of("x=A"));
        FrigateProperties b = new FrigateProperties("b", "frigate", "KN-U08", List.of("x=B"));
        assertThatThrownBy(() -> new Peers(List.of(a.source(), b.source()), List.of()))
                .hasMessage("sightline.ingest.frigate.b.topic-prefix = 'frigate': already the prefix of sightline.ingest.frigate.a");
        var ingest = new org.sightline.ingest.IngestPropertiesTest().defaults();
        assertThatThrownBy(() -> new PeerSettings(ingest, List.of(), List.of(
                new OpenAlprProperties("h", "sightline/#", "site", "KN-U03", List.of("1=A"), "alpr_results"))))
                .hasMessageStartingWith("sightline.ingest.openalpr.h.topic = 'sightline/#': must not match topics under");
        assertThatThrownBy(() -> new PeerSettings(ingest, List.of(new FrigateProperties("f", "sightline/v1/frigate", "KN-U07",
                List.of("x=A"))), List.of()))
                .hasMessageStartingWith("sightline.ingest.frigate.f.topic-prefix = 'sightline/v1/frigate': must not be inside");
    }
}
