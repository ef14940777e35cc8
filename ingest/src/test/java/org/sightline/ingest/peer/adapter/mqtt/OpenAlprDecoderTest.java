package org.sightline.ingest.peer.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.peer.domain.AlprSite;
import org.sightline.ingest.peer.domain.CameraMapping;
import org.sightline.ingest.peer.domain.Peers;
import org.sightline.ingest.read.domain.Alternative;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.PlateRead;
import org.sightline.ingest.read.domain.ReadRules;
import org.sightline.ingest.read.domain.ReadTiming;
import org.sightline.ingest.testing.PeerPayloads;

class OpenAlprDecoderTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final OpenAlprDecoder decoder = new OpenAlprDecoder(
            new ReadRules(new ReadTiming(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90))));
    private final Peers peers = new Peers(List.of(), List.of(
            new AlprSite("huyton", "alprd/+/results", "huyton-depot", new UnitId("KN-U03"),
                    CameraMapping.parse("k", List.of("1=KN-003-A")), AlprSite.Takes.ALPR_RESULTS),
            new AlprSite("prescot", "alprd/+/results", "prescot-rd", new UnitId("KN-U04"),
                    CameraMapping.parse("k", List.of("2=KN-004-A")), AlprSite.Takes.ALPR_GROUP)));

    private Map<String, String> values(String site, String camera) {
        Map<String, String> v = new HashMap<>();
        v.put("EPOCH_MS", Long.toString(now.minusSeconds(3).toEpochMilli()));
        v.put("EPOCH_END_MS", Long.toString(now.minusSeconds(1).toEpochMilli()));
        v.put("PLATE", "WR51NVK");
        v.put("ALT1", "WR51NVX");
        v.put("ALT2", "WR5INVK");
        v.put("PLATE2", "FY68 OKP");
        v.put("UUID", "huyton-depot-cam1-1795435194116");
        v.put("CAMERA_ID", camera);
        v.put("SITE", site);
        return v;
    }

    private List<CheckedRead> decode(String sample, String site, String camera) {
        return decoder.decode(peers, "alprd/" + site + "/results",
                PeerPayloads.load(sample, values(site, camera)).getBytes(StandardCharsets.UTF_8), now);
    }

    @Test
    void eachResultOfAFrameIsAReadWithItsCandidatesAsAlternatives() {
        List<CheckedRead> reads = decode("openalpr-results.json", "huyton-depot", "1");
        assertThat(reads).hasSize(2).allMatch(r -> r instanceof CheckedRead.Good);
        PlateRead first = ((CheckedRead.Good) reads.get(0)).read();
        assertThat(first.plate().value()).isEqualTo("WR51NVK");
        assertThat(first.confidence()).isEqualTo(0.91482);
        assertThat(first.unitId()).isEqualTo(new UnitId("KN-U03"));
        assertThat(first.cameraId().value()).isEqualTo("KN-003-A");
        assertThat(first.capturedAt()).isEqualTo(now.minusSeconds(3));
        assertThat(first.imageRef()).isEqualTo("openalpr:huyton-depot/huyton-depot-cam1-1795435194116");
        // the best reading is not its own alternative; a candidate that is no plate is left out
        assertThat(first.alternatives()).extracting(a -> a.plate().value(), Alternative::confidence)
                .containsExactly(tuple("WR51NVX", 0.84113), tuple("WR5INVK", 0.80559));
        PlateRead second = ((CheckedRead.Good) reads.get(1)).read();
        assertThat(second.plate().value()).isEqualTo("FY68OKP");
        assertThat(second.alternatives()).isEmpty();
        assertThat(second.readId()).isNotEqualTo(first.readId());
        // the same message again gives the same read ids
        assertThat(((CheckedRead.Good) decode("openalpr-results.json", "huyton-depot", "1").get(0)).read().readId())
                .isEqualTo(first.readId());
    }

    @Test
    void aGroupIsOneReadWithTheVehicleDescription() {
        List<CheckedRead> reads = decode("openalpr-group.json", "prescot-rd", "2");
        PlateRead read = ((CheckedRead.Good) reads.get(0)).read();
        assertThat(reads).hasSize(1);
        assertThat(read.plate().value()).isEqualTo("WR51NVK");
        assertThat(read.confidence()).isEqualTo(0.931);
        assertThat(read.vehicle().make()).isEqualTo("ford");
        assertThat(read.vehicle().colour()).isEqualTo("silver-gray");
        assertThat(read.vehicle().type()).isEqualTo("sedan-compact");
        assertThat(read.alternatives()).extracting(a -> a.plate().value()).containsExactly("WR51NVX");
    }

    @Test
    void theKindASiteDoesNotTakeAndHeartbeatsHoldNoRead() {
        assertThat(decode("openalpr-group.json", "huyton-depot", "1")).isEmpty();
        assertThat(decode("openalpr-results.json", "prescot-rd", "2")).isEmpty();
        assertThat(decode("openalpr-heartbeat.json", "huyton-depot", "1")).isEmpty();
    }

    @Test
    void anUnknownSiteOrUnmappedCameraIsRefusedWithTheReason() {
        assertThat(reason(decode("openalpr-results.json", "kirkby", "1")))
                .isEqualTo("OpenALPR: OpenALPR site 'kirkby' is not configured for topic alprd/kirkby/results: "
                        + "add it under sightline.ingest.openalpr");
        assertThat(reason(decode("openalpr-results.json", "huyton-depot", "7")))
                .isEqualTo("OpenALPR: OpenALPR camera_id 7 of site 'huyton-depot' is not mapped to a Sightline camera: "
                        + "add \"7=<camera id>\" to sightline.ingest.openalpr.huyton.cameras");
        String badConfidence = PeerPayloads.load("openalpr-results.json", values("huyton-depot", "1"))
                .replace("\"confidence\": 77.03,", "\"confidence\": 177.03,");
        List<CheckedRead> mixed = decoder.decode(peers, "alprd/huyton-depot/results", badConfidence.getBytes(StandardCharsets.UTF_8), now);
        assertThat(mixed.get(0)).isInstanceOf(CheckedRead.Good.class);
        assertThat(((CheckedRead.Bad) mixed.get(1)).reason()).isEqualTo("OpenALPR: results[1]: confidence must be 0-100, was 177.03");
    }

    @Test
    void epochTimesInSecondsAreTakenAsSeconds() {
        String seconds = PeerPayloads.load("openalpr-results.json", values("huyton-depot", "1"))
                .replace(Long.toString(now.minusSeconds(3).toEpochMilli()), Long.toString(now.minusSeconds(3).getEpochSecond()));
        List<CheckedRead> reads = decoder.decode(peers, "alprd/huyton-depot/results", seconds.getBytes(StandardCharsets.UTF_8), now);
        assertThat(((CheckedRead.Good) reads.get(0)).read().capturedAt()).isEqualTo(now.minusSeconds(3));
    }

    private static String reason(List<CheckedRead> reads) {
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).isInstanceOf(CheckedRead.Bad.class);
        return ((CheckedRead.Bad) reads.get(0)).reason();
    }
}
