package org.sightline.alerting.hotlist.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.UUID;
import org.sightline.alerting.hotlist.domain.Hotlist;
import org.sightline.alerting.hotlist.domain.HotlistEntry;

/** The hotlist API's payloads. */
final class HotlistDtos {

    private HotlistDtos() {
    }

    /** A list as the API shows and accepts it. */
    @Serdeable
    record ListBody(@Nullable String code, String name, String kind, @Nullable String scope, @Nullable Boolean covert) {
        static ListBody of(Hotlist l) {
            return new ListBody(l.code(), l.name(), l.kind().name(), l.scope().name(), l.covert());
        }
    }

    /** A new entry; optional fields may be left out. */
    @Serdeable
    record EntryRequest(@Nullable String list, @Nullable String plate, @Nullable String reason, @Nullable Integer priority,
                        @Nullable String instruction, @Nullable Boolean covert, @Nullable String source,
                        @Nullable String validFrom, @Nullable String expiresAt) {
    }

    /** An entry as the API shows it. */
    @Serdeable
    record EntryBody(UUID id, String list, String plate, String reason, int priority, String instruction, boolean covert,
                     String source, Instant validFrom, Instant expiresAt, String createdBy, Instant createdAt) {
        static EntryBody of(HotlistEntry e) {
            return new EntryBody(e.id(), e.listCode(), e.plate().value(), e.reason(), e.priority(), e.instruction(),
                    e.covert(), e.source(), e.validFrom(), e.expiresAt(), e.createdBy(), e.createdAt());
        }
    }
}
