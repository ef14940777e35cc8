package org.sightline.planner.plan.domain;

import java.util.List;

/**
 * The answer to a {@link PlanRequest}: the ranked sites, the coverage curve (covered share after
 * each camera, with cumulative cost), what existing cameras already cover, the solver's objective,
 * bound and gap, and notes for the planner (e.g. why the plan is short).
 */
public record PlanOutcome(
        List<SiteRecommendation> sites,
        List<CurvePoint> curve,
        String solver,
        String solverStatus,
        double solverSeconds,
        double totalDemand,
        double existingCoveredShare,
        double coveredShare,
        double upperBoundShare,
        double gap,
        long records,
        int demandPoints,
        int candidates,
        int existingCameras,
        String demandDescription,
        String cameraDescription,
        List<String> notes) {

    public PlanOutcome {
        sites = List.copyOf(sites);
        curve = List.copyOf(curve);
        notes = List.copyOf(notes);
    }

    /** Covered share of demand after {@code cameras} new cameras costing {@code costGbp} in total. */
    public record CurvePoint(int cameras, double costGbp, double coveredShare) {
    }
}
