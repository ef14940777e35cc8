package org.sightline.ingest.unitstatus.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.sightline.geo.camera.domain.CameraId;

/** One camera's part of a heartbeat. */
public record CameraHealth(CameraId cameraId, boolean ok, OptionalDouble fps, Optional<Instant> lastFrameAt) {

    /** Below this frame rate a camera is treated as having no usable frames. */
    public static final double MIN_FPS = 1.0;

    public CameraHealth {
        Objects.requireNonNull(cameraId, "cameraId");
        Objects.requireNonNull(fps, "fps");
        Objects.requireNonNull(lastFrameAt, "lastFrameAt");
        if (fps.isPresent() && (!Double.isFinite(fps.getAsDouble()) || fps.getAsDouble() < 0 || fps.getAsDouble() > 1000)) {
            throw new IllegalArgumentException("fps must be 0-1000, was " + fps.getAsDouble());
        }
    }

    /**
     * Why this camera is at fault, or empty when it is working.
     *
     * @param sentAt when the heartbeat was sent
     * @param maxFrameAge frames older than this at {@code sentAt} mean the camera is frozen
     */
    public Optional<String> fault(Instant sentAt, java.time.Duration maxFrameAge) {
        if (!ok) {
            return Optional.of("the unit reports the camera as not ok");
        }
        if (fps.isPresent() && fps.getAsDouble() < MIN_FPS) {
            return Optional.of("frame rate collapsed to " + fps.getAsDouble() + " fps");
        }
        if (lastFrameAt.isPresent() && lastFrameAt.get().isBefore(sentAt.minus(maxFrameAge))) {
            return Optional.of("no frame since " + lastFrameAt.get());
        }
        return Optional.empty();
    }
}
