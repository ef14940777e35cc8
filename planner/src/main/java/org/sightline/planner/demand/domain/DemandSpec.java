package org.sightline.planner.demand.domain;

import java.util.Map;
import java.util.Objects;
import org.sightline.geo.crime.domain.MonthRange;

/**
 * What the demand of a plan is made of: which crime types with which weights, over which months,
 * how recent records are favoured ({@code recencyHalfLifeMonths}, 0 = all months equal), an
 * optional weight per LSOA code (e.g. a deprivation index; absent codes weigh
 * {@code defaultVulnerability}), and how much of each point's demand is shared with map points
 * within {@code smoothingBandwidthMetres} ({@code smoothingShare} 0 = none).
 */
public record DemandSpec(
        CrimeWeights weights,
        MonthRange months,
        double recencyHalfLifeMonths,
        Map<String, Double> vulnerabilityByLsoa,
        double defaultVulnerability,
        double smoothingBandwidthMetres,
        double smoothingShare) {

    public DemandSpec {
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(months, "months");
        if (!Double.isFinite(recencyHalfLifeMonths) || recencyHalfLifeMonths < 0 || recencyHalfLifeMonths > 600) {
            throw new IllegalArgumentException("recency half-life must be 0 (off) to 600 months, was "
                    + recencyHalfLifeMonths);
        }
        vulnerabilityByLsoa = Map.copyOf(vulnerabilityByLsoa == null ? Map.of() : vulnerabilityByLsoa);
        vulnerabilityByLsoa.forEach((code, w) -> {
            if (!Double.isFinite(w) || w < 0 || w > 100) {
                throw new IllegalArgumentException("vulnerability weight of " + code + " must be in [0, 100], was " + w);
            }
        });
        if (!Double.isFinite(defaultVulnerability) || defaultVulnerability < 0 || defaultVulnerability > 100) {
            throw new IllegalArgumentException("default vulnerability weight must be in [0, 100], was "
                    + defaultVulnerability);
        }
        if (!Double.isFinite(smoothingBandwidthMetres) || smoothingBandwidthMetres < 0
                || smoothingBandwidthMetres > 5000) {
            throw new IllegalArgumentException("smoothing bandwidth must be 0..5000 metres, was "
                    + smoothingBandwidthMetres);
        }
        if (!Double.isFinite(smoothingShare) || smoothingShare < 0 || smoothingShare > 10) {
            throw new IllegalArgumentException("smoothing share must be 0..10, was " + smoothingShare);
        }
    }

    /** Plain counts of the given types over the months: no recency, no vulnerability, no smoothing. */
    public static DemandSpec counts(CrimeWeights weights, MonthRange months) {
        return new DemandSpec(weights, months, 0, Map.of(), 1, 0, 0);
    }

    /**
     * The predictive default: a 12-month recency half-life and a tenth of each neighbouring point's
     * demand within 250 m (quartic kernel) added to a point's own (crime concentrates along street
     * segments, and police.uk snaps records to nearby map points, so a neighbour's past crime
     * predicts here too). These values held up best when fitted on held-out months of the Merseyside
     * data ({@code DemandCalibration}); a backtest refits them on its own training months.
     */
    public static DemandSpec predictive(CrimeWeights weights, MonthRange months) {
        return new DemandSpec(weights, months, 12, Map.of(), 1, 250, 0.1);
    }

    /** A copy with other smoothing. */
    public DemandSpec withSmoothing(double bandwidthMetres, double share) {
        return new DemandSpec(weights, months, recencyHalfLifeMonths, vulnerabilityByLsoa, defaultVulnerability,
                bandwidthMetres, share);
    }

    /** A copy with another recency half-life (0 = off). */
    public DemandSpec withRecencyHalfLife(double halfLifeMonths) {
        return new DemandSpec(weights, months, halfLifeMonths, vulnerabilityByLsoa, defaultVulnerability,
                smoothingBandwidthMetres, smoothingShare);
    }

    /** A copy with vulnerability weights per LSOA code. */
    public DemandSpec withVulnerability(Map<String, Double> byLsoa, double otherwise) {
        return new DemandSpec(weights, months, recencyHalfLifeMonths, byLsoa, otherwise, smoothingBandwidthMetres,
                smoothingShare);
    }
}
