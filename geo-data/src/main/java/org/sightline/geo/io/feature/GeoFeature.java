package org.sightline.geo.io.feature;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * One feature as read from or written to a GIS file: a WGS84 geometry and its attributes (string,
 * number, boolean or null values, in file order). {@code ordinal} is the 1-based feature number
 * (or line, for line-based formats) used in error messages.
 */
public record GeoFeature(long ordinal, Geometry geometry, Map<String, Object> properties) {

    public GeoFeature {
        Objects.requireNonNull(geometry, "geometry");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** A property as trimmed text, or empty when absent, null or blank. */
    public Optional<String> text(String key) {
        Object v = properties.get(key);
        if (v == null) {
            return Optional.empty();
        }
        String s = v instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)
                ? Long.toString(d.longValue()) : v.toString().strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** The first of several property names that is present (see {@link #text(String)}). */
    public Optional<String> firstText(String... keys) {
        for (String k : keys) {
            Optional<String> v = text(k);
            if (v.isPresent()) {
                return v;
            }
        }
        return Optional.empty();
    }

    /**
     * A numeric property, or empty when absent.
     *
     * @throws IllegalArgumentException when present but not a number
     */
    public Optional<Double> number(String key) {
        Object v = properties.get(key);
        if (v instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        Optional<String> t = text(key);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(t.get()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " '" + t.get() + "' is not a number");
        }
    }
}
