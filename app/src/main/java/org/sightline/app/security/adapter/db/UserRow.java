package org.sightline.app.security.adapter.db;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

/** Database row of {@code app_user}; converted to {@link org.sightline.app.security.domain.UserAccount} at the edge. */
@MappedEntity("app_user")
public record UserRow(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        @TypeDef(type = DataType.STRING_ARRAY) String[] roles,
        boolean covertCleared,
        boolean enabled,
        int failedLogins,
        @Nullable Instant lockedUntil,
        @Nullable Instant createdAt,
        @Nullable Instant lastLoginAt) {
}
