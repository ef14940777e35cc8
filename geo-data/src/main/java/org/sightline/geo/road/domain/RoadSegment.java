package org.sightline.geo.road.domain;

import java.util.Objects;
import org.locationtech.jts.geom.LineString;

/**
 * One link of a road network in WGS84. {@code roadNumber} is the official number ("M62", "A580")
 * and {@code name} the street name; either is empty when the source has none. {@code approximate}
 * marks geometry drawn by hand rather than taken from a surveyed network.
 */
public record RoadSegment(String id, RoadClass roadClass, String roadNumber, String name, LineString geometry,
                          TravelDirection direction, boolean approximate) {

    public RoadSegment {
        if (id == null || id.isBlank() || id.length() > 128) {
            throw new IllegalArgumentException("road segment id must be 1-128 characters, was '" + id + "'");
        }
        Objects.requireNonNull(roadClass, "roadClass");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(geometry, "geometry");
        if (geometry.isEmpty() || geometry.getNumPoints() < 2) {
            throw new IllegalArgumentException("road segment " + id + " needs at least 2 points");
        }
        roadNumber = normaliseNumber(roadNumber);
        name = name == null ? "" : name.strip();
    }

    /** A surveyed (not approximate) segment. */
    public RoadSegment(String id, RoadClass roadClass, String roadNumber, String name, LineString geometry,
                       TravelDirection direction) {
        this(id, roadClass, roadNumber, name, geometry, direction, false);
    }

    /** "a 580" or "a580" becomes "A580"; null becomes "". */
    public static String normaliseNumber(String number) {
        return number == null ? "" : number.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** The road number, or the name, or the id: what a person would call this segment. */
    public String label() {
        return !roadNumber.isEmpty() ? roadNumber : !name.isEmpty() ? name : id;
    }
}
