package org.sightline.ingest.simulator.adapter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.sightline.ingest.simulator.domain.OcrReadings;
import org.sightline.ingest.simulator.domain.RouteCamera;

/** The messages of a simulated roadside unit in the protocol's JSON (docs/mqtt.md), and the ways units garble them. */
final class UnitMessages {

    private UnitMessages() {
    }

    /** One read, with the OCR's alternatives when it has any; the plate is spaced as printed on UK plates. */
    static String read(UUID readId, String cameraId, OcrReadings.Reading reading, Instant capturedAt, int lane) {
        return String.format(Locale.ROOT, "{\"readId\":\"%s\",\"cameraId\":\"%s\",\"plate\":\"%s\",\"confidence\":%.2f,"
                + "\"capturedAt\":\"%s\",\"lane\":%d%s}", readId, cameraId, spaced(reading.plate()), reading.confidence(),
                capturedAt, lane, alternatives(reading));
    }

    private static String alternatives(OcrReadings.Reading reading) {
        if (reading.alternatives().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(",\"alternatives\":[");
        for (OcrReadings.Alternative a : reading.alternatives()) {
            sb.append(sb.charAt(sb.length() - 1) == '[' ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"plate\":\"%s\",\"confidence\":%.2f}", a.plate(), a.confidence()));
        }
        return sb.append(']').toString();
    }

    private static String spaced(String plate) {
        return plate.length() == 7 ? plate.substring(0, 4) + " " + plate.substring(4) : plate;
    }

    /** A read message garbled one of four ways a faulty unit garbles them. */
    static byte[] malformed(String json, Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);      // cut off mid-message
            case 1 -> json.replaceFirst("\"confidence\":[0-9.]+", "\"confidence\":\"high\"").getBytes(StandardCharsets.UTF_8);
            case 2 -> json.replaceFirst("\"plate\":\"[^\"]*\"", "\"plate\":\"#?!\"").getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] b = new byte[64];
                random.nextBytes(b);
                yield b;
            }
        };
    }

    /** A heartbeat of a healthy unit: its cameras at about 25 fps, a plausible temperature. */
    static String heartbeat(Instant now, long uptimeSeconds, long diskFreeBytes, long readsSinceLast, List<RouteCamera> cameras,
                            Random random) {
        StringBuilder cams = new StringBuilder();
        for (RouteCamera c : cameras) {
            cams.append(cams.length() == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"cameraId\":\"%s\",\"ok\":true,\"fps\":%.1f,\"lastFrameAt\":\"%s\"}", c.cameraId(),
                    24 + random.nextDouble() * 2, now.minusMillis(40)));
        }
        return String.format(Locale.ROOT, "{\"sentAt\":\"%s\",\"uptimeSeconds\":%d,\"temperatureCelsius\":%.1f,"
                        + "\"diskFreeBytes\":%d,\"firmware\":\"2.4.1\",\"readsSinceLastHeartbeat\":%d,\"cameras\":[%s]}", now,
                uptimeSeconds, 30 + random.nextDouble() * 15, diskFreeBytes, readsSinceLast, cams);
    }
}
