package org.sightline.planner.plan.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SiteFilter;

/**
 * The JSON body of {@code POST /api/plans} (and of {@code sightline plan cctv --request}). Every
 * field but {@code boundary} and {@code months} has a default; give {@code cameras} or
 * {@code budgetGbp}, not both. {@code buildingLayer} is the id of a stored building-footprint
 * layer ({@code GET /api/planning/building-layers}); without it the ground is taken as open.
 * {@code requiredConstraints} and {@code excludedConstraints} filter the surveyed candidate sites by
 * their survey facts (names of {@code SiteConstraint}, e.g. {@code ["POLE_AVAILABLE",
 * "POWER_AVAILABLE"]} and {@code ["CONSERVATION_AREA"]}); generated sites are not filtered.
 */
@Serdeable
public record PlanRequestBody(
        @Nullable String boundary,
        @Nullable String months,
        @Nullable String title,
        @Nullable Map<String, Double> crimeTypes,
        @Nullable Double recencyHalfLifeMonths,
        @Nullable Map<String, Double> vulnerability,
        @Nullable Integer cameras,
        @Nullable Double budgetGbp,
        @Nullable CameraBody camera,
        @Nullable Integer azimuths,
        @Nullable Double minSpacingMetres,
        @Nullable String solver,
        @Nullable Integer timeLimitSeconds,
        @Nullable Boolean generateCandidates,
        @Nullable Double generatedSiteCostGbp,
        @Nullable String buildingLayer,
        @Nullable List<String> requiredConstraints,
        @Nullable List<String> excludedConstraints) {

    /** The camera model; defaults: fixed, 30° lens, 1920 px, 6 m mast, detect. */
    @Serdeable
    public record CameraBody(@Nullable Double fovDegrees, @Nullable Integer widthPx, @Nullable Double mountHeightMetres,
                             @Nullable Boolean ptz, @Nullable String dori) {

        CameraSpec toSpec() {
            String level = dori == null ? "detect" : dori;
            return new CameraSpec(fovDegrees == null ? 30 : fovDegrees, widthPx == null ? 1920 : widthPx,
                    mountHeightMetres == null ? 6 : mountHeightMetres, ptz != null && ptz,
                    DoriLevel.find(level).orElseThrow(() -> new IllegalArgumentException(
                            "camera.dori must be detect, observe, recognise or identify, was '" + level + "'")));
        }
    }

    /** A copy that plans with the stored building layer {@code layerId}. */
    public PlanRequestBody withBuildingLayer(String layerId) {
        return new PlanRequestBody(boundary, months, title, crimeTypes, recencyHalfLifeMonths, vulnerability, cameras,
                budgetGbp, camera, azimuths, minSpacingMetres, solver, timeLimitSeconds, generateCandidates,
                generatedSiteCostGbp, layerId, requiredConstraints, excludedConstraints);
    }

    /**
     * The validated request.
     *
     * @throws IllegalArgumentException naming the first bad field
     */
    public PlanRequest toDomain() {
        if (boundary == null || boundary.isBlank()) {
            throw new IllegalArgumentException("boundary is missing: give the code of a stored boundary (e.g. an ONS code)");
        }
        if (months == null) {
            throw new IllegalArgumentException("months is missing: give a range like 2018-01..2019-12");
        }
        if (title != null && title.length() > 200) {
            throw new IllegalArgumentException("title must be at most 200 characters, was " + title.length());
        }
        if ((cameras == null) == (budgetGbp == null)) {
            throw new IllegalArgumentException("give either cameras (how many new cameras) or budgetGbp, not "
                    + (cameras == null ? "neither" : "both"));
        }
        PlanLimit limit = cameras != null ? new PlanLimit.CameraCount(cameras) : new PlanLimit.Budget(budgetGbp);
        CrimeWeights weights = crimeTypes == null || crimeTypes.isEmpty() ? CrimeWeights.priorities()
                : new CrimeWeights(new LinkedHashMap<>(crimeTypes));
        PlanRequest.Solver chosen;
        String s = solver == null ? "greedy" : solver.strip().toLowerCase(Locale.ROOT);
        switch (s) {
            case "greedy" -> chosen = PlanRequest.Solver.GREEDY;
            case "exact" -> chosen = PlanRequest.Solver.EXACT;
            default -> throw new IllegalArgumentException("solver must be 'greedy' or 'exact', was '" + solver + "'");
        }
        return new PlanRequest(boundary.strip(), MonthRanges.parse(months), weights,
                recencyHalfLifeMonths == null ? 12 : recencyHalfLifeMonths, vulnerability, limit,
                (camera == null ? new CameraBody(null, null, null, null, null) : camera).toSpec(),
                azimuths == null ? 8 : azimuths, minSpacingMetres == null ? 0 : minSpacingMetres, chosen,
                Duration.ofSeconds(timeLimitSeconds == null ? 30 : timeLimitSeconds),
                generateCandidates == null || generateCandidates,
                generatedSiteCostGbp == null ? 15_000 : generatedSiteCostGbp, buildingLayer,
                SiteFilter.parse(requiredConstraints, excludedConstraints));
    }
}
