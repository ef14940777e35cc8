package org.sightline.ingest.intake;

import java.util.Optional;
import org.sightline.geo.camera.domain.UnitId;

/**
 * The protocol's topic names under a configurable root: {@code <root>/units/<unitId>/reads},
 * {@code …/health}, {@code …/status}, and {@code <root>/events/units}.
 */
public record UnitTopics(String root) {

    /** What a unit topic carries. */
    public enum Kind { READS, HEALTH, STATUS }

    /** A parsed unit topic. */
    public record Parsed(UnitId unitId, Kind kind) {
    }

    /** The topic of one unit's messages of one kind. */
    public String of(String unitId, Kind kind) {
        return root + "/units/" + unitId + "/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Filter matching every unit's messages of one kind. */
    public String filter(Kind kind) {
        return of("+", kind);
    }

    /** Shared-subscription filter spreading every unit's messages of one kind over a group. */
    public String shared(String group, Kind kind) {
        return "$share/" + group + "/" + filter(kind);
    }

    /** Topic of unit status change events. */
    public String unitEvents() {
        return root + "/events/units";
    }

    /**
     * Parses a topic under this root.
     *
     * @return the unit and kind, or empty when the topic is not a unit topic or the unit id is invalid
     */
    public Optional<Parsed> parse(String topic) {
        String prefix = root + "/units/";
        if (topic == null || !topic.startsWith(prefix)) {
            return Optional.empty();
        }
        String rest = topic.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0) {
            return Optional.empty();
        }
        Kind kind;
        switch (rest.substring(slash + 1)) {
            case "reads" -> kind = Kind.READS;
            case "health" -> kind = Kind.HEALTH;
            case "status" -> kind = Kind.STATUS;
            default -> {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new Parsed(new UnitId(rest.substring(0, slash)), kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
