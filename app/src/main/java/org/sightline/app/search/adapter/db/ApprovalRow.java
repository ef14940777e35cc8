package org.sightline.app.search.adapter.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** Row of {@code read_search_approval}. */
@MappedEntity("read_search_approval")
public record ApprovalRow(@Id @GeneratedValue @Nullable Long id, String requestedBy, Instant requestedAt, String purpose,
                          String reference, String plate, String cameraId, Instant fromAt, Instant toAt, String status,
                          @Nullable String decidedBy, @Nullable Instant decidedAt, String decisionNote) {
}
