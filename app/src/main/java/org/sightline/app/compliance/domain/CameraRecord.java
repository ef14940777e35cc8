package org.sightline.app.compliance.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A camera of the estate with its compliance record, if one has been made.
 *
 * @param cameraId the camera
 * @param unitId the roadside unit carrying it, or empty
 * @param kind ANPR or CCTV
 * @param deployment OVERT or COVERT
 * @param status the camera's estate status
 * @param compliance its record, or empty when none has been made (a gap the report shows)
 * @param updatedBy who last changed the record (empty when there is none)
 * @param updatedAt when (empty when there is none)
 */
public record CameraRecord(String cameraId, String unitId, String kind, String deployment, String status,
                           Optional<CameraCompliance> compliance, String updatedBy, Optional<Instant> updatedAt) {

    /** True for a covert camera, which only users cleared for covert equipment may see. */
    public boolean covert() {
        return "COVERT".equals(deployment);
    }
}
