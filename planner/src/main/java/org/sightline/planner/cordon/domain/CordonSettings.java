package org.sightline.planner.cordon.domain;

import java.util.EnumMap;
import java.util.Map;
import org.sightline.geo.road.domain.RoadClass;

/**
 * How a cordon is planned: an existing camera counts for a crossing within {@code readerReachMetres}
 * when it faces oncoming traffic within {@code toleranceDegrees}; a new ANPR site (a pair of
 * cameras, one per direction) at a crossing also covers every crossing within
 * {@code siteReachMetres} (junctions where a road crosses twice, dual carriageways); each new site
 * costs {@code siteCostGbp}; in the budget variant each crossing direction weighs by its road class.
 */
public record CordonSettings(double readerReachMetres, double toleranceDegrees, double siteReachMetres,
                             double siteCostGbp, Map<RoadClass, Double> classWeights) {

    public CordonSettings {
        if (!(readerReachMetres > 0 && readerReachMetres <= 2000) || !(siteReachMetres >= 0 && siteReachMetres <= 2000)) {
            throw new IllegalArgumentException("reaches must be within 0..2000 metres");
        }
        if (!(toleranceDegrees > 0 && toleranceDegrees <= 90)) {
            throw new IllegalArgumentException("facing tolerance must be in (0, 90] degrees, was " + toleranceDegrees);
        }
        if (!Double.isFinite(siteCostGbp) || siteCostGbp < 0) {
            throw new IllegalArgumentException("site cost must be >= 0 GBP, was " + siteCostGbp);
        }
        classWeights = Map.copyOf(classWeights);
    }

    /** 150 m reach, ±60°, sites cover crossings within 100 m, £25,000 a site, weights motorway 4, A 3, B 2, others 1. */
    public static CordonSettings defaults() {
        Map<RoadClass, Double> w = new EnumMap<>(RoadClass.class);
        w.put(RoadClass.MOTORWAY, 4.0);
        w.put(RoadClass.A_ROAD, 3.0);
        w.put(RoadClass.B_ROAD, 2.0);
        return new CordonSettings(150, 60, 100, 25_000, w);
    }

    /** A copy with another site cost. */
    public CordonSettings withSiteCost(double gbp) {
        return new CordonSettings(readerReachMetres, toleranceDegrees, siteReachMetres, gbp, classWeights);
    }

    /** The weight of a crossing direction on a road of this class (1 when not listed). */
    public double weightOf(RoadClass roadClass) {
        return classWeights.getOrDefault(roadClass, 1.0);
    }
}
