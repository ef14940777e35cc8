package org.sightline.planner.cordon.domain;

import java.util.List;

/**
 * A cordon plan: the new ANPR sites (each at a crossing, reading both ways) with the crossing
 * directions each one closes, the crossing directions the existing cameras already read, and those
 * left open with the reason.
 */
public record CordonPlan(List<Site> sites, List<Gap> coveredByExisting, List<Gap> uncovered, int crossings,
                         int directions, double costGbp, String solver, boolean proven) {

    public CordonPlan {
        sites = List.copyOf(sites);
        coveredByExisting = List.copyOf(coveredByExisting);
        uncovered = List.copyOf(uncovered);
    }

    /** A new site at a crossing and the crossing directions it reads. */
    public record Site(CordonCrossing at, List<Gap> closes, double costGbp) {
        public Site {
            closes = List.copyOf(closes);
        }
    }

    /** One way through one crossing; {@code note} says who reads it or why it stays open. */
    public record Gap(CordonCrossing crossing, CordonCrossing.Way way, String note) {
    }
}
