package org.sightline.app.compliance;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.app.compliance.adapter.db.ComplianceStore;
import org.sightline.app.compliance.domain.CameraCompliance;
import org.sightline.app.compliance.domain.CameraRecord;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;

/**
 * The purpose, signage and impact-assessment records of the camera estate: read by supervisors
 * and administrators, changed by administrators, every change audited with the record before and
 * after. Covert cameras exist only for users cleared for covert equipment (others are told there
 * is no such camera).
 */
@Singleton
public class CameraComplianceService {

    private final ComplianceStore store;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    public CameraComplianceService(ComplianceStore store, AuditLog audit, JsonMapper json) {
        this.store = store;
        this.audit = audit;
        this.json = json;
    }

    /** The camera and its record, or empty when there is no such camera the user may see. */
    public Optional<CameraRecord> find(String cameraId, boolean covertCleared) {
        try {
            return store.find(cameraId).filter(r -> covertCleared || !r.covert());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the compliance record of camera " + cameraId, e);
        }
    }

    /** Every camera the user may see, with its record. */
    public List<CameraRecord> list(boolean covertCleared) {
        try {
            return store.list(covertCleared);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the camera compliance records", e);
        }
    }

    /**
     * Records a camera's purpose, signage and impact assessment, replacing what was there.
     *
     * @return the camera as now recorded, or empty when there is no such camera the user may see
     * @throws IllegalArgumentException when the record claims a review in the future
     */
    public Optional<CameraRecord> save(String cameraId, CameraCompliance record, String user, boolean covertCleared) {
        Instant now = clock.instant();
        record.reviewedBy(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1)); // a day's grace for time zones
        Optional<CameraRecord> before = find(cameraId, covertCleared);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        try {
            store.save(cameraId, record, user, now);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the compliance record of camera " + cameraId, e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("before", before.get().compliance().map(CameraComplianceService::fields).orElse(null));
        details.put("after", fields(record));
        audit.record(new AuditEvent(now, user, before.get().compliance().isPresent() ? "camera.compliance.change"
                : "camera.compliance.create", cameraId, "", "", toJson(details)));
        return find(cameraId, covertCleared);
    }

    private static Map<String, Object> fields(CameraCompliance c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("purpose", c.purpose());
        m.put("signage", c.signage());
        m.put("dpiaReference", c.dpiaReference());
        m.put("reviewedOn", c.reviewedOn().map(LocalDate::toString).orElse(null));
        return m;
    }

    private String toJson(Map<String, Object> details) {
        try {
            return json.writeValueAsString(details);
        } catch (IOException e) {
            return details.toString();
        }
    }
}
