package org.sightline.geo.road.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which roads count as arterial: every segment of the listed classes, plus any segment whose number
 * is listed (so a B road or an unnumbered distributor can be added by number or name).
 */
public record ArterialSelection(Set<RoadClass> classes, Set<String> numbers) {

    /** The default: motorways and A roads. */
    public static final ArterialSelection DEFAULT = new ArterialSelection(
            EnumSet.of(RoadClass.MOTORWAY, RoadClass.A_ROAD), Set.of());

    public ArterialSelection {
        classes = Set.copyOf(classes);
        Set<String> normalised = new java.util.HashSet<>();
        for (String n : numbers) {
            normalised.add(RoadSegment.normaliseNumber(n));
        }
        numbers = Set.copyOf(normalised);
        if (classes.isEmpty() && numbers.isEmpty()) {
            throw new IllegalArgumentException("an arterial selection needs at least one road class or number");
        }
    }

    /** Whether the segment is part of an arterial route. */
    public boolean isArterial(RoadSegment segment) {
        return classes.contains(segment.roadClass())
                || (!segment.roadNumber().isEmpty() && numbers.contains(segment.roadNumber()))
                || (!segment.name().isEmpty() && numbers.contains(RoadSegment.normaliseNumber(segment.name())));
    }

    /**
     * Groups the arterial segments of a network into routes by road number (or by name for
     * unnumbered roads), ordered by number.
     */
    public List<ArterialRoute> routes(Collection<RoadSegment> network) {
        Map<String, List<RoadSegment>> byKey = new TreeMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (RoadSegment s : network) {
            if (isArterial(s)) {
                String key = s.label();
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                if (!s.name().isEmpty() && !s.roadNumber().isEmpty()) {
                    names.putIfAbsent(key, s.roadNumber() + " " + s.name());
                }
            }
        }
        List<ArterialRoute> routes = new ArrayList<>();
        byKey.forEach((key, segments) -> {
            String number = segments.get(0).roadNumber();
            routes.add(new ArterialRoute(number, names.getOrDefault(key, key), segments,
                    segments.stream().anyMatch(RoadSegment::approximate)));
        });
        return routes;
    }
}
