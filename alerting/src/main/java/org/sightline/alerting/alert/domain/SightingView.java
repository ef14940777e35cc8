package org.sightline.alerting.alert.domain;

import java.time.Instant;
import java.util.UUID;

/** One sighting of a plate: an alert's own, or a stored read of the same plate. */
public record SightingView(UUID readId, String cameraId, String plateAsRead, double confidence, Instant capturedAt,
                           String explanation, String place, Double lon, Double lat) {
}
