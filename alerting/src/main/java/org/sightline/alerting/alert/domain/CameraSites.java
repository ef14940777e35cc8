package org.sightline.alerting.alert.domain;

import java.util.Optional;

/** Looks up where a camera is and which arterial traffic it reads. Implementations are thread-safe. */
public interface CameraSites {

    /** The camera's site, or empty when the camera is unknown to the estate. */
    Optional<CameraSite> find(String cameraId);
}
