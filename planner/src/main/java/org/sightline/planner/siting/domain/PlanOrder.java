package org.sightline.planner.siting.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts a set of chosen options in installation order: each next camera is the one that adds the
 * most demand given those before it, so every pick carries its marginal gain.
 */
public final class PlanOrder {

    private PlanOrder() {
    }

    /** The chosen options as picks in order of decreasing marginal gain. */
    public static List<Pick> order(SitingInstance in, List<Integer> chosen) {
        boolean[] covered = in.coveredByExisting().clone();
        double[] weight = in.demand().weights();
        double total = in.existingWeight();
        List<Integer> left = new ArrayList<>(chosen);
        List<Pick> picks = new ArrayList<>();
        while (!left.isEmpty()) {
            int best = 0;
            double bestGain = -1;
            for (int i = 0; i < left.size(); i++) {
                double g = LazyGreedy.gain(in.optionCovers()[left.get(i)], covered, weight);
                if (g > bestGain) {
                    bestGain = g;
                    best = i;
                }
            }
            int o = left.remove(best);
            for (int p : in.optionCovers()[o]) {
                covered[p] = true;
            }
            total += bestGain;
            picks.add(new Pick(o, in.siteOf(o).id(), in.optionAzimuthDegrees()[o], in.siteOf(o).costGbp(), bestGain,
                    total));
        }
        return picks;
    }
}
