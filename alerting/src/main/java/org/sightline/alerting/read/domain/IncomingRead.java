package org.sightline.alerting.read.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.sightline.alerting.match.domain.PlateReading;
import org.sightline.alerting.match.domain.ReadCandidates;

/**
 * A plate read as alerting needs it (from the units' read messages, see docs/mqtt.md).
 *
 * @param readId the unit's id of the read (idempotency key)
 * @param unitId the unit that sent it (from the topic)
 * @param cameraId the camera that saw it
 * @param plate normalised plate
 * @param plateAsRead the text as the unit sent it
 * @param confidence OCR confidence 0-1
 * @param capturedAt capture time
 * @param lon longitude (WGS84) when the unit sent a position
 * @param lat latitude (WGS84) when the unit sent a position
 * @param alternatives the unit's alternative readings, best first (may be empty)
 */
public record IncomingRead(UUID readId, String unitId, String cameraId, String plate, String plateAsRead,
                           double confidence, Instant capturedAt, Optional<Double> lon, Optional<Double> lat,
                           List<PlateReading> alternatives) {

    public IncomingRead {
        Objects.requireNonNull(readId, "readId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        alternatives = List.copyOf(alternatives);
        if (lon.isPresent() != lat.isPresent()) {
            throw new IllegalArgumentException("lon and lat must be given together");
        }
    }

    /** The readings the matcher should try. */
    public ReadCandidates candidates() {
        return new ReadCandidates(new PlateReading(plate, confidence), alternatives);
    }
}
