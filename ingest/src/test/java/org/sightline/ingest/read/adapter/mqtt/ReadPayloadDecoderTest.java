package org.sightline.ingest.read.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.ReadTiming;

class ReadPayloadDecoderTest {

    private final Instant now = Instant.parse("2026-11-23T12:00:00Z");
    private final ReadPayloadDecoder decoder = new ReadPayloadDecoder(65_536,
            new ReadTiming(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90)));
    private final UnitId unit = new UnitId("KN-001");

    private List<CheckedRead> decode(String json) {
        return decoder.decode(unit, json.getBytes(StandardCharsets.UTF_8), now);
    }

    private static String read(String extra) {
        return "{\"readId\":\"0b7e3f2a-4c1d-4e59-9a51-3f6f1d2c8e01\",\"cameraId\":\"KN-001-A\",\"plate\":\"AB12 CDE\","
                + "\"confidence\":0.91,\"capturedAt\":\"2026-11-23T11:59:58.250Z\"" + extra + "}";
    }

    private String reasonOf(String json) {
        List<CheckedRead> r = decode(json);
        assertThat(r).hasSize(1);
        assertThat(r.get(0)).isInstanceOf(CheckedRead.Bad.class);
        return ((CheckedRead.Bad) r.get(0)).reason();
    }

    @Test
    void aCompleteReadDecodes() {
        List<CheckedRead> r = decode(read(",\"lon\":-2.85,\"lat\":53.43,\"heading\":360,\"lane\":1,"
                + "\"vehicle\":{\"make\":\"Vauxhall\",\"colour\":\"silver\",\"type\":\"car\"},\"imageRef\":\"x\",\"extra\":true"));
        assertThat(r).singleElement().isInstanceOfSatisfying(CheckedRead.Good.class, g -> {
            assertThat(g.late()).isFalse();
            assertThat(g.read().plate().value()).isEqualTo("AB12CDE");
            assertThat(g.read().heading().orElseThrow().degrees()).isZero();
            assertThat(g.read().position().orElseThrow().latDegrees()).isEqualTo(53.43);
        });
    }

    @Test
    void everyKindOfBadInputHasItsOwnReason() {
        assertThat(reasonOf("{\"a\":")).startsWith("not valid JSON");
        assertThat(reasonOf(read(",\"lon\":NaN,\"lat\":1"))).startsWith("not valid JSON");
        assertThat(reasonOf("\"a string\"")).contains("JSON object or an array");
        assertThat(reasonOf(read("").replace("0.91", "\"0.91\""))).isEqualTo("confidence must be a number, was string");
        assertThat(reasonOf(read("").replace("0.91", "-0.1"))).contains("between 0 and 1");
        assertThat(reasonOf(read(",\"lon\":-2.85"))).isEqualTo("lon and lat must be given together");
        assertThat(reasonOf(read(",\"lane\":1.5"))).isEqualTo("lane must be a whole number");
        assertThat(reasonOf(read(",\"lane\":0"))).contains("lane must be 1-16");
        assertThat(reasonOf(read(",\"vehicle\":\"car\""))).contains("vehicle must be an object");
        assertThat(reasonOf(read("").replace("\"readId\":\"0b7e3f2a-4c1d-4e59-9a51-3f6f1d2c8e01\",", ""))).isEqualTo("readId is missing");
        assertThat(reasonOf(read("").replace("11:59:58.250Z", "11:59:58.250"))).contains("ISO-8601");
        assertThat(reasonOf(read("").replace("11:59:58.250Z", "12:06:00Z"))).contains("ahead of the service clock");
        assertThat(reasonOf(read("").replace("KN-001-A", "bad camera id"))).contains("camera id must be");
        assertThat(reasonOf(read(",\"plate\":\"X\""))).contains("Duplicate field");
        String deep = "[".repeat(100) + "]".repeat(100);
        assertThat(reasonOf(deep)).startsWith("not valid JSON");
        byte[] big = new byte[70_000];
        assertThat(decoder.decode(unit, big, now)).singleElement()
                .isInstanceOfSatisfying(CheckedRead.Bad.class, b -> assertThat(b.reason()).contains("limit of 65536"));
    }

    @Test
    void aBatchKeepsItsGoodReadsAndNamesTheBadElement() {
        List<CheckedRead> r = decode("[" + read("") + ",{\"plate\":1},7]");
        assertThat(r).hasSize(3);
        assertThat(r.get(0)).isInstanceOf(CheckedRead.Good.class);
        assertThat(((CheckedRead.Bad) r.get(1)).reason()).startsWith("batch element 1: ");
        assertThat(((CheckedRead.Bad) r.get(2)).reason()).isEqualTo("batch element 2: a batch element must be a JSON object");
        assertThat(new String(((CheckedRead.Bad) r.get(1)).raw(), StandardCharsets.UTF_8)).isEqualTo("{\"plate\":1}");
    }

    @Test
    void aReadHoursOldIsLate() {
        List<CheckedRead> r = decode(read("").replace("2026-11-23T11:59:58.250Z", "2026-11-23T06:00:00+01:00"));
        assertThat(r).singleElement().isInstanceOfSatisfying(CheckedRead.Good.class, g -> assertThat(g.late()).isTrue());
    }

    @Test
    void alternativesAreNormalisedAndTheOnesRepeatingThePlateDropped() {
        List<CheckedRead> r = decode(read(",\"alternatives\":[{\"plate\":\"ab12 cdf\",\"confidence\":0.41},"
                + "{\"plate\":\"AB12CDE\",\"confidence\":0.9},{\"plate\":\"AB12CDF\",\"confidence\":0.3},"
                + "{\"plate\":\"A812CDE\",\"confidence\":0}]"));
        assertThat(r).singleElement().isInstanceOfSatisfying(CheckedRead.Good.class, g ->
                assertThat(g.read().alternatives()).extracting(a -> a.plate().value() + " " + a.confidence())
                        .containsExactly("AB12CDF 0.41", "A812CDE 0.0"));
    }

    @Test
    void badAlternativesRefuseTheReadWithTheReason() {
        assertThat(reasonOf(read(",\"alternatives\":\"AB12CDF\""))).isEqualTo("alternatives must be an array of {plate, confidence}");
        assertThat(reasonOf(read(",\"alternatives\":[\"AB12CDF\"]"))).isEqualTo("alternatives[0] must be an object {plate, confidence}");
        assertThat(reasonOf(read(",\"alternatives\":[{\"plate\":\"AB12CDF\"}]"))).isEqualTo("alternatives[0]: confidence is missing");
        assertThat(reasonOf(read(",\"alternatives\":[{\"plate\":\"AB12CDF\",\"confidence\":1.2}]")))
                .isEqualTo("alternatives[0]: confidence must be between 0 and 1, was 1.2");
        assertThat(reasonOf(read(",\"alternatives\":[{\"plate\":\"AB*2CDF\",\"confidence\":0.2}]")))
                .startsWith("alternatives[0]: plate has characters other than letters");
        String nine = ",\"alternatives\":[" + "{\"plate\":\"AB12CDF\",\"confidence\":0.2},".repeat(8)
                + "{\"plate\":\"AB12CDF\",\"confidence\":0.2}]";
        assertThat(reasonOf(read(nine))).isEqualTo("at most 8 alternatives, was 9");
    }

    @Test
    void aBodyNamingAnotherUnitThanTheTopicIsRefused() {
        assertThat(reasonOf(read(",\"unitId\":\"KN-002\"")))
                .isEqualTo("unitId 'KN-002' in the body is not the unit of the topic (KN-001)");
        assertThat(decode(read(",\"unitId\":\"KN-001\""))).singleElement().isInstanceOf(CheckedRead.Good.class);
    }
}
