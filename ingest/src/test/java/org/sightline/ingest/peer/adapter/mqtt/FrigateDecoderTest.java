package org.sightline.ingest.peer.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.peer.domain.CameraMapping;
import org.sightline.ingest.peer.domain.FrigateSource;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.ReadRules;
import org.sightline.ingest.read.domain.ReadTiming;
import org.sightline.ingest.testing.PeerPayloads;

class FrigateDecoderTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final FrigateDecoder decoder = new FrigateDecoder(
            new ReadRules(new ReadTiming(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90))));
    private final FrigateSource depot = new FrigateSource("depot", "frigate", new UnitId("KN-U07"),
            CameraMapping.parse("k", List.of("driveway=KN-014-A", "gate_lpr=KN-014-B")));

    private Map<String, String> values(String camera, String plate) {
        double t0 = now.getEpochSecond() - 6.5;
        return Map.of("ID", "1795435194.081729-q3bz1k", "CAMERA", camera, "PLATE", plate, "T0", Double.toString(t0),
                "T1", Double.toString(t0 + 0.6), "T2", Double.toString(t0 + 2.25), "T3", Double.toString(t0 + 6.1));
    }

    private List<CheckedRead> decode(String topic, String sample, String camera, String plate) {
        return decoder.decode(depot, topic, PeerPayloads.load(sample, values(camera, plate)).getBytes(StandardCharsets.UTF_8), now);
    }

    @Test
    void everyMessageOfOneTrackedObjectWithAPlateIsTheSameRead() {
        List<CheckedRead> update = decode("frigate/events", "frigate-event-update-plate.json", "driveway", "MA19 XKT");
        List<CheckedRead> end = decode("frigate/events", "frigate-event-end.json", "driveway", "MA19 XKT");
        List<CheckedRead> lpr = decode("frigate/tracked_object_update", "frigate-tracked-object-update-lpr.json", "driveway", "MA19XKT");
        CheckedRead.Good first = (CheckedRead.Good) update.get(0);
        assertThat(first.read().plate().value()).isEqualTo("MA19XKT");
        assertThat(first.read().unitId()).isEqualTo(new UnitId("KN-U07"));
        assertThat(first.read().cameraId().value()).isEqualTo("KN-014-A");
        assertThat(first.read().confidence()).isEqualTo(0.934);
        assertThat(first.read().capturedAt()).isEqualTo(now.minusMillis(4250));
        assertThat(first.read().vehicle().type()).isEqualTo("car");
        assertThat(first.read().imageRef()).isEqualTo("frigate:depot/1795435194.081729-q3bz1k");
        assertThat(((CheckedRead.Good) end.get(0)).read().readId()).isEqualTo(first.read().readId());
        assertThat(((CheckedRead.Good) lpr.get(0)).read().readId()).isEqualTo(first.read().readId());
        // a corrected plate for the same object is another read
        List<CheckedRead> corrected = decode("frigate/events", "frigate-event-end.json", "driveway", "MA19XKF");
        assertThat(((CheckedRead.Good) corrected.get(0)).read().readId()).isNotEqualTo(first.read().readId());
    }

    @Test
    void messagesWithoutAPlateHoldNoRead() {
        assertThat(decode("frigate/events", "frigate-event-new.json", "driveway", "X")).isEmpty();
        assertThat(decode("frigate/tracked_object_update", "frigate-tracked-object-update-description.json", "driveway", "X")).isEmpty();
    }

    @Test
    void anUnmappedCameraOrABadMessageIsRefusedWithTheReason() {
        assertThat(reason(decode("frigate/events", "frigate-event-update-plate.json", "back_yard", "MA19XKT")))
                .isEqualTo("Frigate depot: Frigate camera 'back_yard' is not mapped to a Sightline camera: "
                        + "add \"back_yard=<camera id>\" to sightline.ingest.frigate.depot.cameras");
        assertThat(reason(decode("frigate/events", "frigate-event-update-plate.json", "driveway", "MA19-XK!")))
                .startsWith("Frigate depot: plate has characters other than letters");
        String noScore = PeerPayloads.load("frigate-tracked-object-update-lpr.json", values("driveway", "MA19XKT"))
                .replace("\"score\": 0.934,", "");
        assertThat(reason(decoder.decode(depot, "frigate/tracked_object_update", noScore.getBytes(StandardCharsets.UTF_8), now)))
                .isEqualTo("Frigate depot: score is missing");
        assertThat(reason(decoder.decode(depot, "frigate/events", "{\"type\":\"moved\",\"after\":{}}".getBytes(StandardCharsets.UTF_8), now)))
                .contains("event type must be new, update or end");
        assertThat(reason(decoder.decode(depot, "frigate/events", "[1,2]".getBytes(StandardCharsets.UTF_8), now)))
                .isEqualTo("a Frigate message must be a JSON object");
        assertThat(reason(decoder.decode(depot, "frigate/events", "{\"type\":".getBytes(StandardCharsets.UTF_8), now)))
                .startsWith("not valid JSON");
    }

    private static String reason(List<CheckedRead> reads) {
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0)).isInstanceOf(CheckedRead.Bad.class);
        return ((CheckedRead.Bad) reads.get(0)).reason();
    }
}
