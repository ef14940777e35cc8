package org.sightline.alerting.alert.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.sightline.alerting.alert.domain.AlertView;
import org.sightline.alerting.alert.domain.SightingView;

/** The alert API's payloads. */
final class AlertBodies {

    private AlertBodies() {
    }

    /** An alert as the console shows it. */
    @Serdeable
    record AlertBody(long id, String list, String listName, String plate, int priority, boolean covert, boolean historic,
                     String state, String grade, String explanation, String place, Instant firstSeen, Instant lastSeen,
                     int sightings, String reason, String instruction, boolean escalated, @Nullable String acknowledgedBy,
                     @Nullable String decidedBy, @Nullable String rejectReason, String note, @Nullable Double lon,
                     @Nullable Double lat) {
        static AlertBody of(AlertView a) {
            return new AlertBody(a.id(), a.listCode(), a.listName(), a.plate(), a.priority(), a.covert(), a.historic(),
                    a.state().name(), a.grade(), a.explanation(), a.place(), a.firstSeen(), a.lastSeen(), a.sightings(),
                    a.reason(), a.instruction(), a.escalatedAt() != null, a.acknowledgedBy(), a.decidedBy(),
                    a.rejectReason(), a.decisionNote() == null ? "" : a.decisionNote(), a.lon(), a.lat());
        }
    }

    /** The feed and the event id it is current to (resume the stream from there). */
    @Serdeable
    record Feed(long lastEventId, List<AlertBody> alerts) {
    }

    /** One sighting. */
    @Serdeable
    record SightingBody(UUID readId, String cameraId, String plateAsRead, double confidence, Instant capturedAt,
                        String explanation, String place, @Nullable Double lon, @Nullable Double lat) {
        static SightingBody of(SightingView s) {
            return new SightingBody(s.readId(), s.cameraId(), s.plateAsRead(), s.confidence(), s.capturedAt(),
                    s.explanation(), s.place(), s.lon(), s.lat());
        }
    }

    /** One alert with its sightings and the plate's reads in the last 24 hours. */
    @Serdeable
    record Detail(AlertBody alert, List<SightingBody> sightings, List<SightingBody> lastDay) {
    }

    /** An event on the stream: what happened and the alert as it is now. */
    @Serdeable
    record StreamEvent(long eventId, String kind, @Nullable AlertBody alert) {
    }

    /** An operator's decision. */
    @Serdeable
    record DecisionRequest(@Nullable String reason, @Nullable String note) {
    }
}
