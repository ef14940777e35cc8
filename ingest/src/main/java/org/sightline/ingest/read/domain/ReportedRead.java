package org.sightline.ingest.read.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.LonLat;

/**
 * A plate read as a unit or a peer system reported it, with its fields typed but not yet checked
 * against Sightline's rules ({@link ReadRules}): every decoder (the native protocol, Frigate,
 * OpenALPR) makes one of these, so that all reads meet the same checks.
 *
 * @param readId the idempotency key
 * @param unitId the unit the read is attributed to
 * @param cameraId the camera that saw it
 * @param plate the plate text as reported
 * @param confidence the reported OCR confidence, expected 0 to 1
 * @param capturedAt when the camera saw the vehicle
 * @param position where, when reported
 * @param headingDegrees direction of travel, when reported, expected 0 to 360
 * @param lane lane from the kerb, when reported
 * @param vehicle make, colour, type
 * @param imageRef reference to the evidence image, or empty
 * @param alternatives the other readings the OCR considered, as reported
 */
public record ReportedRead(
        UUID readId,
        UnitId unitId,
        CameraId cameraId,
        String plate,
        double confidence,
        Instant capturedAt,
        Optional<LonLat> position,
        OptionalDouble headingDegrees,
        OptionalInt lane,
        Vehicle vehicle,
        String imageRef,
        List<ReportedAlternative> alternatives) {

    /** One alternative reading as reported. */
    public record ReportedAlternative(String plate, double confidence) {
    }

    public ReportedRead {
        Objects.requireNonNull(readId, "readId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(headingDegrees, "headingDegrees");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(vehicle, "vehicle");
        alternatives = List.copyOf(alternatives);
    }
}
