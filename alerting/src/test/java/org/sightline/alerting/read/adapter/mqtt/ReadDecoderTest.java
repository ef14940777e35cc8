package org.sightline.alerting.read.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sightline.alerting.match.domain.PlateReading;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadDecoderTest {

    ReadDecoder decoder;

    @BeforeAll
    void start() {
        decoder = new ReadDecoder(JsonMapper.createDefault());
    }

    ReadDecoder.Decoded decode(String json) {
        return decoder.decode("UNIT-1", json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheProtocolAndTheAlternatives() {
        ReadDecoder.Decoded d = decode("""
                {"readId":"0b7e3f2a-4c1d-4e59-9a51-3f6f1d2c8e01","cameraId":"KN-014-A","plate":"ab1o cde",
                 "confidence":0.91,"capturedAt":"2026-11-23T14:05:09.250Z","lon":-2.85,"lat":53.43,
                 "alternatives":[{"plate":"AB10 CDE","confidence":0.41},{"plate":"AB1O-CDE","confidence":0.3},
                                 {"plate":"bad plate!","confidence":0.2},{"plate":"AB1DCDE","confidence":7}]}
                """);
        assertThat(d.problems()).isEmpty();
        assertThat(d.reads()).singleElement().satisfies(r -> {
            assertThat(r.plate()).isEqualTo("AB1OCDE");
            assertThat(r.plateAsRead()).isEqualTo("ab1o cde");
            assertThat(r.unitId()).isEqualTo("UNIT-1");
            assertThat(r.lon()).contains(-2.85);
            // the primary reading again, a non-plate and an out-of-range confidence are left out
            assertThat(r.alternatives()).containsExactly(new PlateReading("AB10CDE", 0.41));
        });
    }

    @Test
    void aBatchKeepsItsGoodReadsAndReportsTheBadOnes() {
        ReadDecoder.Decoded d = decode("""
                [{"readId":"0b7e3f2a-4c1d-4e59-9a51-3f6f1d2c8e01","cameraId":"C1","plate":"AB12CDE","confidence":0.9,
                  "capturedAt":"2026-11-23T14:05:09Z"},
                 {"readId":"not-a-uuid","cameraId":"C1","plate":"AB12CDE","confidence":0.9,"capturedAt":"2026-11-23T14:05:09Z"},
                 {"readId":"1b7e3f2a-4c1d-4e59-9a51-3f6f1d2c8e01","cameraId":"C1","plate":"AB12CDE","confidence":"high",
                  "capturedAt":"2026-11-23T14:05:09Z"},
                 7]
                """);
        assertThat(d.reads()).hasSize(1);
        assertThat(d.problems()).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "\"a string\"", "{\"readId\":1}", "{\"plate\":\"" + "A" + "\"}", "null"})
    void badPayloadsGiveProblemsNotExceptions(String payload) {
        ReadDecoder.Decoded d = decode(payload);
        assertThat(d.reads()).isEmpty();
        assertThat(d.problems()).isNotEmpty();
    }

    @Test
    void oversizePayloadsAreRefusedUnread() {
        byte[] big = new byte[ReadDecoder.MAX_PAYLOAD_BYTES + 1];
        assertThat(decoder.decode("U", big).problems()).singleElement().asString().contains("more than");
    }
}
