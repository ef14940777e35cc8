package org.sightline.ingest.read.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.ingest.read.domain.CheckedRead;
import org.sightline.ingest.read.domain.ReadTiming;

/**
 * The one-pass path for plain reads against the general decoder: for every payload, valid or
 * broken, the decoder gives exactly what the general decoder alone gives (same reads, same
 * reasons), and the usual messages do take the one-pass path.
 */
class PlainReadParserTest {

    private static final UnitId UNIT = new UnitId("U-1");
    private static final String DAMAGE = "{}[]\":,.-0123456789eEtrufalsn \\Zz+T";
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final ReadPayloadDecoder decoder = new ReadPayloadDecoder(65_536,
            new ReadTiming(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(90)));

    private static String read(String extra) {
        return "{\"readId\":\"3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f\",\"cameraId\":\"C-1\",\"plate\":\"AB12 CDE\","
                + "\"confidence\":0.93,\"capturedAt\":\"2026-12-06T11:59:58.250Z\"" + extra + "}";
    }

    private static List<String> plainReads() {
        return List.of(
                read(""),
                read(",\"lon\":-2.86,\"lat\":53.44,\"heading\":271.5,\"lane\":2"),
                read(",\"vehicle\":{\"make\":\"Ford\",\"colour\":\"blue\",\"type\":\"van\"},\"imageRef\":\"img/1.jpg\""),
                read(",\"alternatives\":[{\"plate\":\"AB12CDF\",\"confidence\":0.41},{\"plate\":\"A812CDE\",\"confidence\":0.2}]"),
                read(",\"unitId\":\"U-1\",\"heading\":null,\"lane\":null,\"vehicle\":null,\"imageRef\":null,\"alternatives\":null"),
                read(",\"vehicle\":{\"make\":null,\"colour\":\"red\"},\"alternatives\":[]"),
                read(",\"lon\":-2,\"lat\":53,\"heading\":0,\"confidence2\":1").replace(",\"confidence2\":1", ""),
                "  {\"plate\":\"wdb12345x\",\"capturedAt\":\"2026-12-06T11:00:00Z\",\"confidence\":1,"
                        + "\"cameraId\":\"C-1\",\"readId\":\"3F1C2B9E-8D7A-4C6B-9E5F-0A1B2C3D4E5F\"}\n");
    }

    @Test
    void theUsualMessagesTakeTheOnePassPathAndGiveWhatTheGeneralDecoderGives() {
        for (String json : plainReads()) {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            assertThat(PlainReadParser.parse(payload)).as(json).isNotNull();
            assertSame(payload);
        }
    }

    @Test
    void everyVariantAndBreakageGivesWhatTheGeneralDecoderGives() {
        List<String> cases = new ArrayList<>();
        String base = read(",\"lon\":-2.86,\"lat\":53.44,\"heading\":271.5,\"lane\":2,\"vehicle\":{\"make\":\"Ford\"},"
                + "\"alternatives\":[{\"plate\":\"AB12CDF\",\"confidence\":0.41}]");
        // capture times in every form ISO-8601 allows with a zone, and some it does not
        for (String t : List.of("2026-12-06T11:59:58Z", "2026-12-06T11:59:58.1Z", "2026-12-06T11:59:58.123456789Z",
                "2026-12-06T11:59:58.1234567891Z", "2026-12-06T12:59:58.250+01:00", "2026-12-06t11:59:58.250z",
                "2026-12-06T11:59Z", "2024-02-29T10:00:00Z", "2026-02-29T10:00:00Z", "2026-12-06T24:00:00Z",
                "2026-12-06T11:59:60Z", "2026-13-06T11:59:58Z", "2026-12-32T11:59:58Z", "2026-12-06 11:59:58Z",
                "2026-12-06T11:59:58.Z", "+2026-12-06T11:59:58Z", "2026-12-06T11:59:58", "2026-12-06T11:59:58.2500000000Z",
                "0000-01-01T00:00:00Z", "2026-1a-06T11:59:58Z", "")) {
            cases.add(base.replace("2026-12-06T11:59:58.250Z", t));
        }
        // fields given twice, null where required, of the wrong type, out of range, unknown
        cases.add(base.replace("\"plate\":\"AB12 CDE\"", "\"plate\":\"AB12 CDE\",\"plate\":\"XY99ZZZ\""));
        cases.add(base.replace("\"lane\":2", "\"lane\":null,\"lane\":2"));
        cases.add(base.replace("{\"make\":\"Ford\"}", "{\"make\":\"Ford\",\"make\":\"VW\"}"));
        cases.add(base.replace("\"confidence\":0.41}", "\"confidence\":0.41,\"plate\":\"X\"}"));
        cases.add(base.replace("\"plate\":\"AB12 CDE\"", "\"plate\":null"));
        cases.add(base.replace("0.93", "\"0.93\""));
        cases.add(base.replace("0.93", "1.5"));
        cases.add(base.replace("0.93", "1e400"));
        cases.add(base.replace("\"lane\":2", "\"lane\":2.5"));
        cases.add(base.replace("\"lane\":2", "\"lane\":99999999999"));
        cases.add(base.replace("\"heading\":271.5", "\"heading\":\"west\""));
        cases.add(base.replace("-2.86", "-200"));
        cases.add(base.replace(",\"lat\":53.44", ""));
        cases.add(base.replace(",\"lat\":53.44", ",\"lat\":null"));
        cases.add(base.replace("\"lane\":2", "\"lane\":2,\"speed\":40"));
        cases.add(base.replace("{\"make\":\"Ford\"}", "{\"make\":\"Ford\",\"model\":\"Focus\"}"));
        cases.add(base.replace("{\"make\":\"Ford\"}", "\"Ford\""));
        cases.add(base.replace("{\"make\":\"Ford\"}", "{\"make\":\"" + "F".repeat(80) + "\"}"));
        cases.add(base.replace("[{\"plate\":\"AB12CDF\",\"confidence\":0.41}]", "[1]"));
        cases.add(base.replace("[{\"plate\":\"AB12CDF\",\"confidence\":0.41}]",
                "[" + String.join(",", java.util.Collections.nCopies(9, "{\"plate\":\"AB12CDF\",\"confidence\":0.41}")) + "]"));
        cases.add(base.replace("3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f", "3f1c2b9e8d7a4c6b9e5f0a1b2c3d4e5f"));
        cases.add(base.replace("3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5f", "3f1c2b9e-8d7a-4c6b-9e5f-0a1b2c3d4e5g"));
        cases.add(base.replace("\"C-1\"", "\"C 1\""));
        cases.add(base.replace("AB12 CDE", "AB'; DROP TABLE x;--"));
        cases.add(base.replace("\"lane\":2", "\"lane\":2,\"unitId\":\"U-2\""));
        cases.add(base + " trailing");
        cases.add(base + "{}");
        cases.add("[" + base + "]");
        cases.add(base.replace("2026-12-06T11:59:58.250Z", "2026-12-06T13:00:00Z")); // ahead of the clock
        cases.add(base.replace("2026-12-06T11:59:58.250Z", "2026-11-06T13:00:00Z")); // late
        cases.add(base.replace("2026-12-06T11:59:58.250Z", "2025-11-06T13:00:00Z")); // too old
        cases.add("{}");
        cases.add("null");
        cases.add("");
        for (String c : cases) {
            assertSame(c.getBytes(StandardCharsets.UTF_8));
        }
        // and random damage to a plain read, byte by byte
        Random random = new Random(20261206);
        byte[] original = base.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 5_000; i++) {
            byte[] damaged = Arrays.copyOf(original, original.length);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(damaged.length);
                damaged[at] = (byte) DAMAGE.charAt(random.nextInt(DAMAGE.length()));
            }
            assertSame(damaged);
        }
    }

    @Test
    void theUsualCaptureTimeFormIsReadAsTheIsoParserReadsIt() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(1_000_000_000));
            String iso = t.toString();
            assertThat(JsonFields.isoInstant(iso)).as(iso).isEqualTo(OffsetDateTime.parse(iso).toInstant());
        }
        assertThat(JsonFields.isoInstant("2026-02-29T10:00:00Z")).isNull();
        assertThat(JsonFields.isoInstant("2026-12-06T11:59:60Z")).isNull();
        assertThat(JsonFields.isoInstant("2026-12-06T12:59:58.250+01:00")).isEqualTo(Instant.parse("2026-12-06T11:59:58.250Z"));
    }

    private void assertSame(byte[] payload) {
        List<CheckedRead> both = decoder.decode(UNIT, payload, NOW);
        List<CheckedRead> general = decoder.decodeTree(UNIT, payload, NOW);
        String what = new String(payload, StandardCharsets.UTF_8);
        assertThat(both).as(what).hasSameSizeAs(general);
        for (int i = 0; i < both.size(); i++) {
            CheckedRead a = both.get(i);
            CheckedRead b = general.get(i);
            if (a instanceof CheckedRead.Bad badA && b instanceof CheckedRead.Bad badB) {
                assertThat(badA.reason()).as(what).isEqualTo(badB.reason());
                assertThat(badA.raw()).as(what).isEqualTo(badB.raw());
            } else {
                assertThat(a).as(what).isEqualTo(b);
            }
        }
    }
}
