package org.sightline.geo.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadClass;

/**
 * Settings of the geo module ({@code sightline.geo.*}), checked when the service starts: a bad
 * value stops it with a message that starts with the full key and says what is allowed.
 *
 * @param arterialClasses road classes that are arterial routes (default motorway, a-road)
 * @param arterialNumbers further roads that count as arterial, by number or name (e.g. B5199)
 * @param cameraRouteToleranceMetres how far an ANPR camera may stand from an arterial segment and
 *     still be assigned to it (1..200, default 30)
 */
@Context
@ConfigurationProperties("sightline.geo")
public record GeoProperties(
        @Bindable(defaultValue = "motorway,a-road") List<String> arterialClasses,
        @Nullable List<String> arterialNumbers,
        @Bindable(defaultValue = "30") double cameraRouteToleranceMetres) {

    public static final String PREFIX = "sightline.geo.";

    public GeoProperties {
        arterialClasses = arterialClasses == null ? List.of("motorway", "a-road") : List.copyOf(arterialClasses);
        arterialNumbers = arterialNumbers == null ? List.of() : List.copyOf(arterialNumbers);
        List<String> unknown = new ArrayList<>();
        for (String c : arterialClasses) {
            if (RoadClass.find(c).isEmpty()) {
                unknown.add(c);
            }
        }
        String allowed = Arrays.stream(RoadClass.values()).map(RoadClass::key).collect(Collectors.joining(", "));
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "arterial-classes = " + arterialClasses
                    + ": must be a list of road classes from " + allowed + " (unknown: " + unknown + ")");
        }
        for (String n : arterialNumbers) {
            if (n == null || n.isBlank() || n.length() > 64) {
                throw new IllegalArgumentException(PREFIX + "arterial-numbers = " + arterialNumbers
                        + ": must be road numbers or names of 1-64 characters, e.g. [B5199]");
            }
        }
        if (arterialClasses.isEmpty() && arterialNumbers.isEmpty()) {
            throw new IllegalArgumentException(PREFIX + "arterial-classes = []: must name at least one road class ("
                    + allowed + ") unless " + PREFIX + "arterial-numbers lists roads");
        }
        if (!Double.isFinite(cameraRouteToleranceMetres) || cameraRouteToleranceMetres < 1 || cameraRouteToleranceMetres > 200) {
            throw new IllegalArgumentException(PREFIX + "camera-route-tolerance-metres = " + cameraRouteToleranceMetres
                    + ": must be between 1 and 200 metres");
        }
    }

    /** The defaults: motorways and A roads, 30 m. */
    public static GeoProperties defaults() {
        return new GeoProperties(null, null, 30);
    }

    /** Which roads are arterial. */
    public ArterialSelection arterialSelection() {
        Set<RoadClass> classes = EnumSet.noneOf(RoadClass.class);
        arterialClasses.forEach(c -> classes.add(RoadClass.find(c).orElseThrow()));
        return new ArterialSelection(classes, Set.copyOf(arterialNumbers.stream()
                .map(n -> n.strip().toUpperCase(Locale.ROOT)).toList()));
    }

}
