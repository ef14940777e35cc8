package org.sightline.planner.cordon.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The set-cover view of a cordon: the crossing directions no existing camera reads ("demands"),
 * and for each candidate site (one per crossing) the demands it would close. Built once; solved by
 * {@link CordonGreedy} or an exact solver.
 */
public final class CordonProblem {

    private final List<CordonCrossing> crossings;
    private final List<CordonPlan.Gap> demands = new ArrayList<>();
    private final List<CordonPlan.Gap> existing = new ArrayList<>();
    private final List<int[]> siteCovers = new ArrayList<>();
    private final double[] demandWeight;
    private final CordonSettings settings;

    public CordonProblem(List<CordonCrossing> crossings, List<AnprReader> readers, CordonSettings settings) {
        this.crossings = List.copyOf(crossings);
        this.settings = settings;
        List<int[]> demandAt = new ArrayList<>();
        for (int c = 0; c < crossings.size(); c++) {
            CordonCrossing x = crossings.get(c);
            for (CordonCrossing.Way way : x.ways()) {
                String reader = readers.stream().filter(r -> r.reads(x.at(), x.travelBearingDegrees(way),
                        settings.readerReachMetres(), settings.toleranceDegrees())).map(AnprReader::id).findFirst().orElse(null);
                if (reader != null) {
                    existing.add(new CordonPlan.Gap(x, way, "read by existing camera " + reader));
                } else {
                    demands.add(new CordonPlan.Gap(x, way, "no camera reads " + way.name().toLowerCase(java.util.Locale.ROOT)
                            + " traffic here"));
                    demandAt.add(new int[] {c});
                }
            }
        }
        demandWeight = new double[demands.size()];
        for (int d = 0; d < demands.size(); d++) {
            demandWeight[d] = settings.weightOf(demands.get(d).crossing().roadClass());
        }
        for (int s = 0; s < crossings.size(); s++) {
            List<Integer> covers = new ArrayList<>();
            for (int d = 0; d < demands.size(); d++) {
                if (crossings.get(s).at().distanceMetres(demands.get(d).crossing().at()) <= settings.siteReachMetres() + 1e-9) {
                    covers.add(d);
                }
            }
            siteCovers.add(covers.stream().mapToInt(Integer::intValue).toArray());
        }
    }

    public List<CordonCrossing> crossings() {
        return crossings;
    }

    /** Crossing directions no existing camera reads. */
    public List<CordonPlan.Gap> demands() {
        return demands;
    }

    /** Crossing directions existing cameras read. */
    public List<CordonPlan.Gap> coveredByExisting() {
        return existing;
    }

    /** Demands (indices into {@link #demands()}) that a site at crossing {@code site} would close. */
    public int[] covers(int site) {
        return siteCovers.get(site);
    }

    /** The weight of a demand (by road class). */
    public double weight(int demand) {
        return demandWeight[demand];
    }

    public CordonSettings settings() {
        return settings;
    }

    /** The plan made of the chosen sites (crossing indices). */
    public CordonPlan plan(List<Integer> chosen, String solver, boolean proven) {
        boolean[] closed = new boolean[demands.size()];
        List<CordonPlan.Site> sites = new ArrayList<>();
        for (int s : chosen) {
            List<CordonPlan.Gap> closes = new ArrayList<>();
            for (int d : covers(s)) {
                if (!closed[d]) {
                    closed[d] = true;
                    CordonPlan.Gap g = demands.get(d);
                    closes.add(new CordonPlan.Gap(g.crossing(), g.way(), "read by the new site at " + crossings.get(s).id()));
                }
            }
            sites.add(new CordonPlan.Site(crossings.get(s), closes, settings.siteCostGbp()));
        }
        List<CordonPlan.Gap> open = new ArrayList<>();
        for (int d = 0; d < demands.size(); d++) {
            if (!closed[d]) {
                open.add(demands.get(d));
            }
        }
        int directions = existing.size() + demands.size();
        return new CordonPlan(sites, existing, open, crossings.size(), directions,
                sites.size() * settings.siteCostGbp(), solver, proven);
    }
}
