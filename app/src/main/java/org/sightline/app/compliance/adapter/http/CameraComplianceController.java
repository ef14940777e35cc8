package org.sightline.app.compliance.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.sightline.app.compliance.CameraComplianceService;
import org.sightline.app.compliance.domain.CameraCompliance;
import org.sightline.app.compliance.domain.CameraRecord;
import org.sightline.app.security.adapter.http.Authentications;
import org.sightline.platform.http.Problems;

/**
 * {@code /api/cameras/…/compliance}: each camera's recorded purpose, signage and impact assessment
 * (Surveillance Camera Code of Practice principles 1-3). Supervisors and administrators read them;
 * administrators set them (SightlinePolicy). Changes are audited.
 */
@Controller("/api/cameras")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CameraComplianceController {

    /** A camera and its record as the API shows it; {@code recorded} is false when none has been made. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ComplianceView(String cameraId, String unitId, String kind, String deployment, String status,
                                 boolean recorded, String purpose, String signage, String dpiaReference,
                                 @Nullable LocalDate reviewedOn, String updatedBy, @Nullable Instant updatedAt) {
        static ComplianceView of(CameraRecord r) {
            Optional<CameraCompliance> c = r.compliance();
            return new ComplianceView(r.cameraId(), r.unitId(), r.kind(), r.deployment(), r.status(), c.isPresent(),
                    c.map(CameraCompliance::purpose).orElse(""), c.map(CameraCompliance::signage).orElse(""),
                    c.map(CameraCompliance::dpiaReference).orElse(""), c.flatMap(CameraCompliance::reviewedOn).orElse(null),
                    r.updatedBy(), r.updatedAt().orElse(null));
        }
    }

    /** A record as a client sends it; {@code reviewedOn} is an ISO date (YYYY-MM-DD) or empty. */
    @Serdeable
    public record ComplianceBody(@Nullable String purpose, @Nullable String signage, @Nullable String dpiaReference,
                                 @Nullable String reviewedOn) { }

    private final CameraComplianceService service;

    public CameraComplianceController(CameraComplianceService service) {
        this.service = service;
    }

    @Get(value = "/compliance", produces = MediaType.APPLICATION_JSON)
    public List<ComplianceView> list(Authentication user) {
        return service.list(Authentications.covertCleared(user)).stream().map(ComplianceView::of).toList();
    }

    @Get(value = "/{id}/compliance", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(@PathVariable String id, Authentication user) {
        return service.find(id, Authentications.covertCleared(user))
                .<HttpResponse<?>>map(r -> HttpResponse.ok(ComplianceView.of(r)))
                .orElseGet(() -> notFound(id));
    }

    @Put(value = "/{id}/compliance", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> put(@PathVariable String id, @Body ComplianceBody body, Authentication user) {
        CameraCompliance record;
        try {
            record = toRecord(body);
        } catch (IllegalArgumentException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Invalid compliance record", e.getMessage());
        }
        try {
            return service.save(id, record, user.getName(), Authentications.covertCleared(user))
                    .<HttpResponse<?>>map(r -> HttpResponse.ok(ComplianceView.of(r)))
                    .orElseGet(() -> notFound(id));
        } catch (IllegalArgumentException e) {
            return Problems.response(HttpStatus.BAD_REQUEST, "Invalid compliance record", e.getMessage());
        }
    }

    /** The body as a validated record. */
    static CameraCompliance toRecord(ComplianceBody body) {
        if (body == null) {
            throw new IllegalArgumentException("send a JSON object with purpose, signage, dpiaReference and reviewedOn");
        }
        Optional<LocalDate> reviewed = Optional.empty();
        if (body.reviewedOn() != null && !body.reviewedOn().isBlank()) {
            try {
                reviewed = Optional.of(LocalDate.parse(body.reviewedOn().strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("reviewedOn must be a date as YYYY-MM-DD");
            }
        }
        return new CameraCompliance(body.purpose(), body.signage(), body.dpiaReference(), reviewed);
    }

    private static HttpResponse<?> notFound(String id) {
        return Problems.response(HttpStatus.NOT_FOUND, "No such camera",
                "There is no camera '" + (id.length() > 64 ? id.substring(0, 64) + "…" : id) + "' in the estate.");
    }
}
