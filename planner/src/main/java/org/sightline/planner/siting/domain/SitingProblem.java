package org.sightline.planner.siting.domain;

import java.util.Objects;

/**
 * One optimisation: the coverage, the limit on new cameras, and the minimum distance in metres
 * between two chosen new sites (0 = none). At most one new camera per site.
 */
public record SitingProblem(SitingInstance instance, PlanLimit limit, double minSpacingMetres) {

    public SitingProblem {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(limit, "limit");
        if (!Double.isFinite(minSpacingMetres) || minSpacingMetres < 0 || minSpacingMetres > 10_000) {
            throw new IllegalArgumentException("minimum spacing must be 0..10000 metres, was " + minSpacingMetres);
        }
    }
}
