package org.sightline.ingest.read.domain;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.LonLat;

/**
 * One plate read as a roadside unit reported it, checked and normalised.
 *
 * @param readId the unit's own identifier of the read: the idempotency key (a redelivered or
 *               re-sent read with the same id is the same read)
 * @param unitId the unit that sent it (from the topic)
 * @param cameraId the camera that saw it
 * @param plate the normalised plate
 * @param plateAsRead the plate text exactly as the unit sent it
 * @param confidence the unit's OCR confidence, 0 to 1
 * @param capturedAt when the camera saw the vehicle
 * @param position where, when the unit says; otherwise the camera's position is used
 * @param heading direction of travel, when reported
 * @param lane lane number from the kerb (1 = nearest), when reported
 * @param vehicle make, colour and type, when reported
 * @param imageRef the unit's reference to its evidence image, or empty
 * @param alternatives other readings the unit's OCR considered, in the order reported; none
 *                     repeats the plate or another alternative
 */
public record PlateRead(
        UUID readId,
        UnitId unitId,
        CameraId cameraId,
        Plate plate,
        String plateAsRead,
        double confidence,
        Instant capturedAt,
        Optional<LonLat> position,
        Optional<Bearing> heading,
        OptionalInt lane,
        Vehicle vehicle,
        String imageRef,
        List<Alternative> alternatives) {

    /** Longest image reference kept. */
    public static final int MAX_IMAGE_REF = 512;

    /** Most alternatives kept with a read. */
    public static final int MAX_ALTERNATIVES = 8;

    public PlateRead {
        Objects.requireNonNull(readId, "readId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(plateAsRead, "plateAsRead");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(vehicle, "vehicle");
        if (!Double.isFinite(confidence) || confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        if (lane.isPresent() && (lane.getAsInt() < 1 || lane.getAsInt() > 16)) {
            throw new IllegalArgumentException("lane must be 1-16, was " + lane.getAsInt());
        }
        imageRef = imageRef == null ? "" : imageRef;
        if (imageRef.length() > MAX_IMAGE_REF || imageRef.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("imageRef must be at most " + MAX_IMAGE_REF
                    + " characters without control characters");
        }
        alternatives = List.copyOf(alternatives);
        if (alternatives.size() > MAX_ALTERNATIVES) {
            throw new IllegalArgumentException("at most " + MAX_ALTERNATIVES + " alternatives, was " + alternatives.size());
        }
        if (!alternatives.isEmpty()) {
            HashSet<String> seen = new HashSet<>();
            seen.add(plate.value());
            for (Alternative a : alternatives) {
                if (!seen.add(a.plate().value())) {
                    throw new IllegalArgumentException("alternative " + a.plate() + " repeats the plate or another alternative");
                }
            }
        }
    }
}
