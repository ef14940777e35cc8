package org.sightline.planner.siting.domain;

import java.util.List;

/**
 * A solver's answer. {@code picks} in the order a planner should install them (largest marginal
 * gain first); {@code coveredWeight} includes what existing cameras cover; {@code upperBound} is a
 * proven bound on the best possible covered weight (NaN when the solver proves none).
 * {@code status} says how the solver ended ("greedy", "optimal", "feasible", "time limit", ...).
 */
public record SitingResult(
        String solver,
        List<Pick> picks,
        double existingWeight,
        double coveredWeight,
        double totalWeight,
        double upperBound,
        String status,
        double seconds) {

    public SitingResult {
        picks = List.copyOf(picks);
    }

    /** Relative gap between the covered weight and the bound (0 = proven optimal; NaN without bound). */
    public double gap() {
        if (Double.isNaN(upperBound)) {
            return Double.NaN;
        }
        if (upperBound <= 0) {
            return 0;
        }
        return Math.max(0, (upperBound - coveredWeight) / upperBound);
    }

    /** Share of all demand weight that the plan covers. */
    public double coveredShare() {
        return totalWeight == 0 ? 0 : coveredWeight / totalWeight;
    }

    /** Total cost of the new sites in pounds. */
    public double costGbp() {
        return picks.stream().mapToDouble(Pick::costGbp).sum();
    }
}
