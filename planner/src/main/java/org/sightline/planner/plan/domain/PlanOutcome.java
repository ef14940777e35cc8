package org.sightline.planner.plan.domain;

import java.util.List;
import java.util.Map;
import org.sightline.geo.crs.LonLat;
import org.sightline.planner.siting.domain.SiteFilter;

/**
 * The answer to a {@link PlanRequest}: the ranked sites, the coverage curve (covered share after
 * each camera, with cumulative cost), what existing cameras already cover, the solver's objective,
 * bound and gap, the records of each crime type in the area and those the new cameras add to what
 * is covered, the area's hotspots and how much of each the plan covers, what limited the cameras'
 * view, which candidate sites were considered (the site filter and a description), and notes for
 * the planner (e.g. why the plan is short, what the site filter dropped).
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
        String occlusionDescription,
        SiteFilter siteFilter,
        String candidateDescription,
        Map<String, Integer> recordsByType,
        Map<String, Integer> addedRecordsByType,
        List<HotspotCoverage> hotspots,
        List<String> notes) {

    public PlanOutcome {
        sites = List.copyOf(sites);
        curve = List.copyOf(curve);
        recordsByType = Map.copyOf(recordsByType);
        addedRecordsByType = Map.copyOf(addedRecordsByType);
        hotspots = List.copyOf(hotspots);
        notes = List.copyOf(notes);
        siteFilter = siteFilter == null ? SiteFilter.NONE : siteFilter;
        candidateDescription = candidateDescription == null ? "" : candidateDescription;
    }

    /** Covered share of demand after {@code cameras} new cameras costing {@code costGbp} in total. */
    public record CurvePoint(int cameras, double costGbp, double coveredShare) {
    }

    /**
     * One hotspot of the area (rank 1 = most demand): its name, size in grid cells and square
     * kilometres, records, weighted demand and its share of the area's demand, the share of its own
     * demand that existing cameras and the whole plan (existing and new cameras) cover, and its
     * centre.
     */
    public record HotspotCoverage(int rank, String name, int cells, double areaKm2, long records, double weight,
                                  double demandShare, double existingShare, double coveredShare, LonLat centre) {
    }
}
