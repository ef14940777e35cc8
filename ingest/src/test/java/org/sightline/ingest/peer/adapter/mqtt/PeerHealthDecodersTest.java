package org.sightline.ingest.peer.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.CameraMapping;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.domain.Checked;
import org.sightline.ingest.testing.PeerPayloads;
import org.sightline.ingest.unitstatus.domain.CameraHealth;
import org.sightline.ingest.unitstatus.domain.UnitHealth;

/** Frigate's stats and the OpenALPR agent's heartbeat, in their real formats, become the unit's heartbeat. */
class PeerHealthDecodersTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final FrigateSource depot = new FrigateSource("depot", "frigate", new UnitId("KN-U07"),
            CameraMapping.parse("k", List.of("gate_lpr=KN-014-A", "exit_lpr=KN-014-B", "removed=KN-014-C")), Duration.ofSeconds(60));
    private final AlprSite huyton = new AlprSite("huyton", "alprd/+/results", "huyton-depot", new UnitId("KN-U03"),
            CameraMapping.parse("k", List.of("1=KN-003-A", "2=KN-003-B")), AlprSite.Takes.ALPR_RESULTS);
    private final AlprSite prescot = new AlprSite("prescot", "alprd/+/results", "prescot-rd", new UnitId("KN-U04"),
            CameraMapping.parse("k", List.of("1=KN-004-A")), AlprSite.Takes.ALPR_RESULTS);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String frigateStats() {
        return PeerPayloads.load("frigate-stats.json", Map.of("CAMERA", "gate_lpr", "STALLED", "exit_lpr",
                "UPDATED", Long.toString(now.minusSeconds(2).getEpochSecond())));
    }

    private String alprHeartbeat(String site) {
        return PeerPayloads.load("openalpr-heartbeat.json", Map.of("SITE", site, "CAMERA_ID", "1",
                "EPOCH_MS", Long.toString(now.minusSeconds(1).toEpochMilli())));
    }

    @Test
    void frigateStatsAreTheHeartbeatOfItsUnit() {
        Checked<UnitHealth> c = new FrigateStatsDecoder().decode(depot, bytes(frigateStats()), now);
        assertThat(c).isInstanceOf(Checked.Ok.class);
        UnitHealth h = ((Checked.Ok<UnitHealth>) c).value();
        assertThat(h.unitId().value()).isEqualTo("KN-U07");
        assertThat(h.sentAt()).isEqualTo(now.minusSeconds(2));
        assertThat(h.uptimeSeconds()).isEqualTo(93_784);
        assertThat(h.firmware()).isEqualTo("Frigate 0.16.2-5a3b9c1");
        assertThat(h.diskFreeBytes().getAsLong()).isEqualTo(Math.round(441_541.2 * 1024 * 1024));
        assertThat(h.temperatureCelsius()).isEqualTo(OptionalDouble.of(48.5));
        // the unmapped doorbell is left out; a mapped camera Frigate no longer runs is not ok
        assertThat(h.cameras()).extracting(x -> x.cameraId().value(), CameraHealth::ok, CameraHealth::fps)
                .containsExactly(tuple("KN-014-A", true, OptionalDouble.of(5.1)), tuple("KN-014-B", true, OptionalDouble.of(0.0)),
                        tuple("KN-014-C", false, OptionalDouble.empty()));
        assertThat(h.cameras().get(0).fault(h.sentAt(), Duration.ofMinutes(2))).isEmpty();
        assertThat(h.cameras().get(1).fault(h.sentAt(), Duration.ofMinutes(2))).get().asString().contains("frame rate collapsed");
        assertThat(h.cameras().get(2).fault(h.sentAt(), Duration.ofMinutes(2))).isPresent();
    }

    @Test
    void frigateStatsWithoutTheServiceBlockOrWithBadNumbersAreRefusedWithTheReason() {
        FrigateStatsDecoder d = new FrigateStatsDecoder();
        assertThat(d.decode(depot, bytes("{\"cameras\":{}}"), now)).isEqualTo(Checked.rejected(
                "Frigate depot stats: stats have no 'service' object"));
        assertThat(d.decode(depot, bytes("{\"service\":{\"uptime\":\"long\"}}"), now)).isEqualTo(Checked.rejected(
                "Frigate depot stats: uptime must be a number, was string"));
        assertThat(d.decode(depot, bytes(frigateStats().replace("\"camera_fps\": 5.1", "\"camera_fps\": -3")), now))
                .isInstanceOf(Checked.Rejected.class);
        assertThat(d.decode(depot, bytes("[1,2]"), now)).isInstanceOf(Checked.Rejected.class);
    }

    @Test
    void anOpenAlprHeartbeatIsTheHeartbeatOfItsSitesUnit() {
        Peers peers = new Peers(List.of(), List.of(huyton, prescot));
        byte[] payload = bytes(alprHeartbeat("huyton-depot"));
        assertThat(OpenAlprHeartbeatDecoder.isHeartbeat(payload)).isTrue();
        Checked<UnitHealth> c = new OpenAlprHeartbeatDecoder().decode(peers, "alprd/huyton-depot/results", payload, now);
        assertThat(c).isInstanceOf(Checked.Ok.class);
        UnitHealth h = ((Checked.Ok<UnitHealth>) c).value();
        assertThat(h.unitId().value()).isEqualTo("KN-U03");
        assertThat(h.sentAt()).isEqualTo(now.minusSeconds(1));
        assertThat(h.uptimeSeconds()).isEqualTo(861_204);
        assertThat(h.firmware()).isEqualTo("alprd 2.8.101");
        assertThat(h.diskFreeBytes().getAsLong()).isEqualTo(8_000_000_000L - 2_048_331_776L);
        assertThat(h.cameras()).extracting(x -> x.cameraId().value(), CameraHealth::ok, CameraHealth::fps, CameraHealth::lastFrameAt)
                .containsExactly(tuple("KN-003-A", true, OptionalDouble.of(12), Optional.of(now.minusSeconds(1))),
                        tuple("KN-003-B", false, OptionalDouble.empty(), Optional.empty()));
    }

    @Test
    void anOpenAlprHeartbeatWithoutSiteIdNeedsATopicOfItsOwn() {
        String noSite = alprHeartbeat("x").replace("\"site_id\": \"x\",", "").replace("\"agent_type\": \"alprd\",", "");
        Checked<UnitHealth> alone = new OpenAlprHeartbeatDecoder().decode(new Peers(List.of(), List.of(huyton)),
                "alprd/huyton-depot/results", bytes(noSite), now);
        assertThat(alone).isInstanceOf(Checked.Ok.class);
        assertThat(((Checked.Ok<UnitHealth>) alone).value().firmware()).isEqualTo("alprd 2.8.101"); // alprd when it does not say
        assertThat(new OpenAlprHeartbeatDecoder().decode(new Peers(List.of(), List.of(huyton, prescot)), "alprd/any/results",
                bytes(noSite), now)).isEqualTo(Checked.rejected("OpenALPR heartbeat: it carries no site_id and 2 sites share "
                + "topic alprd/any/results: give each site a topic of its own"));
        assertThat(new OpenAlprHeartbeatDecoder().decode(new Peers(List.of(), List.of(huyton)), "alprd/x/results",
                bytes(alprHeartbeat("elsewhere")), now)).isInstanceOf(Checked.Rejected.class);
        assertThat(OpenAlprHeartbeatDecoder.isHeartbeat(bytes("{\"data_type\":\"alpr_results\"}"))).isFalse();
        assertThat(OpenAlprHeartbeatDecoder.isHeartbeat(bytes("not json"))).isFalse();
    }
}
