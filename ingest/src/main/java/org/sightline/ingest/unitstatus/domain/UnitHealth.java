package org.sightline.ingest.unitstatus.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.sightline.geo.camera.domain.UnitId;

/** A unit's heartbeat, checked. */
public record UnitHealth(UnitId unitId, Instant sentAt, long uptimeSeconds, OptionalDouble temperatureCelsius,
                         OptionalLong diskFreeBytes, String firmware, OptionalLong readsSinceLastHeartbeat,
                         List<CameraHealth> cameras) {

    public UnitHealth {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(temperatureCelsius, "temperatureCelsius");
        Objects.requireNonNull(diskFreeBytes, "diskFreeBytes");
        Objects.requireNonNull(readsSinceLastHeartbeat, "readsSinceLastHeartbeat");
        if (uptimeSeconds < 0) {
            throw new IllegalArgumentException("uptimeSeconds must not be negative");
        }
        if (temperatureCelsius.isPresent() && (temperatureCelsius.getAsDouble() < -60 || temperatureCelsius.getAsDouble() > 150)) {
            throw new IllegalArgumentException("temperatureCelsius must be -60 to 150, was " + temperatureCelsius.getAsDouble());
        }
        if (diskFreeBytes.isPresent() && diskFreeBytes.getAsLong() < 0) {
            throw new IllegalArgumentException("diskFreeBytes must not be negative");
        }
        firmware = firmware == null ? "" : firmware.strip();
        if (firmware.length() > 64 || firmware.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("firmware must be at most 64 characters without control characters");
        }
        cameras = List.copyOf(cameras);
    }
}
