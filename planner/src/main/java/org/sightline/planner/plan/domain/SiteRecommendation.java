package org.sightline.planner.plan.domain;

import java.util.List;
import java.util.Map;
import org.sightline.geo.crs.LonLat;

/**
 * One recommended new camera, in installation order: where, which way, at what cost, what it
 * covers (records per crime type within its sector over the plan's months), its marginal gain in
 * demand and the plan's covered share once it is in, a sentence saying so, and its sector as a
 * WGS84 ring.
 */
public record SiteRecommendation(
        int rank,
        String siteId,
        String siteSource,
        LonLat position,
        double azimuthDegrees,
        double costGbp,
        Map<String, Integer> recordsByType,
        double marginalGain,
        double marginalShare,
        double cumulativeShare,
        String explanation,
        List<LonLat> sector) {

    public SiteRecommendation {
        recordsByType = Map.copyOf(recordsByType);
        sector = List.copyOf(sector);
    }
}
