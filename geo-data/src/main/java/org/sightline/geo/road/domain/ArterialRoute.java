package org.sightline.geo.road.domain;

import java.util.List;

/**
 * A named arterial route made of road segments, e.g. "A580 East Lancashire Road". {@code approximate}
 * marks geometry that was drawn by hand rather than taken from a surveyed road network.
 */
public record ArterialRoute(String roadNumber, String name, List<RoadSegment> segments, boolean approximate) {

    public ArterialRoute {
        roadNumber = RoadSegment.normaliseNumber(roadNumber);
        if (roadNumber.isEmpty() && (name == null || name.isBlank())) {
            throw new IllegalArgumentException("an arterial route needs a road number or a name");
        }
        name = name == null || name.isBlank() ? roadNumber : name.strip();
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("arterial route " + name + " has no segments");
        }
    }
}
