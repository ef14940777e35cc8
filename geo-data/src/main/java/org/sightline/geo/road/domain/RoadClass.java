package org.sightline.geo.road.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Road classes, in order of importance. Names from OS Open Roads ({@code road_classification}) and
 * OpenStreetMap ({@code highway}) are both understood by {@link #find(String)}.
 */
public enum RoadClass {
    MOTORWAY, A_ROAD, B_ROAD, CLASSIFIED_UNNUMBERED, UNCLASSIFIED, UNKNOWN;

    /** The class named by OS Open Roads or OSM text, or empty when the text is not a road class. */
    public static Optional<RoadClass> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', ' ').replace('_', ' ');
        return Optional.ofNullable(switch (t) {
            case "motorway", "motorway link" -> MOTORWAY;
            case "a road", "a", "trunk", "trunk link", "primary", "primary link" -> A_ROAD;
            case "b road", "b", "secondary", "secondary link" -> B_ROAD;
            case "classified unnumbered", "tertiary", "tertiary link" -> CLASSIFIED_UNNUMBERED;
            case "unclassified", "not classified", "residential", "service", "living street" -> UNCLASSIFIED;
            case "unknown", "road" -> UNKNOWN;
            default -> null;
        });
    }

    /** The configuration spelling, e.g. {@code a-road}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
