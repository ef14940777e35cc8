package org.sightline.planner.demand.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much one record of each crime type counts in the demand. Only the listed types count; every
 * weight is finite and in (0, 100]. Type names are the published data.police.uk categories.
 */
public record CrimeWeights(Map<String, Double> byType) {

    public CrimeWeights {
        if (byType == null || byType.isEmpty()) {
            throw new IllegalArgumentException("at least one crime type is needed");
        }
        Map<String, Double> checked = new LinkedHashMap<>();
        byType.forEach((type, weight) -> {
            String name = CrimeTypes.require(type);
            if (weight == null || !Double.isFinite(weight) || weight <= 0 || weight > 100) {
                throw new IllegalArgumentException("weight of '" + name + "' must be in (0, 100], was " + weight);
            }
            checked.put(name, weight);
        });
        byType = java.util.Collections.unmodifiableMap(checked);
    }

    /** The partnership's priority types, each weighing 1. */
    public static CrimeWeights priorities() {
        return equal(CrimeTypes.PRIORITIES);
    }

    /** The given types, each weighing 1. */
    public static CrimeWeights equal(List<String> types) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String t : types) {
            m.put(t, 1.0);
        }
        return new CrimeWeights(m);
    }

    /** The weight of a type, or 0 when the type does not count. */
    public double weightOf(String type) {
        Double w = byType.get(type);
        return w == null ? 0 : w;
    }

    /** The counted types in a stable order. */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }
}
