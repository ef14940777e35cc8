package org.sightline.planner.plan.domain;

import java.util.List;
import java.util.Map;
import org.sightline.geo.crs.LonLat;

/**
 * One recommended new camera, in installation order: where, which way, at what cost, what it
 * covers (records per crime type within its sector over the plan's months), its marginal gain in
 * demand and the plan's covered share once it is in, the hotspot it covers most of ({@code hotspot}
 * empty when none) and which share of that hotspot's demand, a sentence saying so, and the ground
 * it sees (its sector, cut at buildings when footprints were given) as a WGS84 ring.
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
        String hotspot,
        double hotspotShare,
        String explanation,
        List<LonLat> sector) {

    public SiteRecommendation {
        recordsByType = Map.copyOf(recordsByType);
        hotspot = hotspot == null ? "" : hotspot;
        sector = List.copyOf(sector);
    }
}
