package org.sightline.platform.audit.adapter.db;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of {@code audit_event}. */
@MappedEntity("audit_event")
public record AuditRow(@Id Long id, Instant at, String actor, String action, String target, String purpose,
                       String reference, String details, String prevHash, String hash) {
}
