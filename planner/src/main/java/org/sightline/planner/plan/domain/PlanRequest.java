package org.sightline.planner.plan.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SiteFilter;

/**
 * A planner's question, validated: the area (a stored boundary's code), the months and crime
 * types with weights that make the demand, the recency half-life (0 = off), optional
 * vulnerability weights per LSOA, the limit (cameras or budget), the camera model, azimuths per
 * site, minimum spacing, which solver, its time limit, whether candidate sites are also
 * generated from the crime map points and road junctions (at {@code generatedSiteCostGbp} each)
 * besides the surveyed ones, the stored building-footprint layer that blocks the cameras' view
 * ({@code occlusionLayerId}, empty for none) and which surveyed sites the survey facts allow
 * ({@code siteFilter}).
 */
public record PlanRequest(
        String boundaryCode,
        MonthRange months,
        CrimeWeights weights,
        double recencyHalfLifeMonths,
        Map<String, Double> vulnerabilityByLsoa,
        PlanLimit limit,
        CameraSpec camera,
        int azimuths,
        double minSpacingMetres,
        Solver solver,
        Duration timeLimit,
        boolean generateCandidates,
        double generatedSiteCostGbp,
        String occlusionLayerId,
        SiteFilter siteFilter) {

    /** Which optimiser answers. */
    public enum Solver { GREEDY, EXACT }

    public PlanRequest {
        if (boundaryCode == null || boundaryCode.isBlank()) {
            throw new IllegalArgumentException("the area is missing: give the code of a stored boundary");
        }
        Objects.requireNonNull(months, "months");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(solver, "solver");
        vulnerabilityByLsoa = Map.copyOf(vulnerabilityByLsoa == null ? Map.of() : vulnerabilityByLsoa);
        if (azimuths < 1 || azimuths > 72) {
            throw new IllegalArgumentException("azimuths per site must be 1..72, was " + azimuths);
        }
        if (!Double.isFinite(minSpacingMetres) || minSpacingMetres < 0 || minSpacingMetres > 10_000) {
            throw new IllegalArgumentException("minimum spacing must be 0..10000 metres, was " + minSpacingMetres);
        }
        if (!Double.isFinite(recencyHalfLifeMonths) || recencyHalfLifeMonths < 0 || recencyHalfLifeMonths > 600) {
            throw new IllegalArgumentException("recency half-life must be 0 (off) .. 600 months, was " + recencyHalfLifeMonths);
        }
        if (timeLimit == null || timeLimit.compareTo(Duration.ofSeconds(1)) < 0
                || timeLimit.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("solver time limit must be 1..600 seconds, was "
                    + (timeLimit == null ? "missing" : timeLimit.toSeconds() + " s"));
        }
        if (!Double.isFinite(generatedSiteCostGbp) || generatedSiteCostGbp < 0) {
            throw new IllegalArgumentException("cost of a generated site must be >= 0 GBP, was " + generatedSiteCostGbp);
        }
        occlusionLayerId = occlusionLayerId == null ? "" : occlusionLayerId.strip();
        siteFilter = siteFilter == null ? SiteFilter.NONE : siteFilter;
    }
}
