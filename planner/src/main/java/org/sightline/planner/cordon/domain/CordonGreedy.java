package org.sightline.planner.cordon.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy set cover for a cordon: repeatedly adds the site that closes the most still-open weight
 * (all weights 1 for the fewest-sites question), until all is closed or the budget is spent. A
 * fallback and a starting point for the exact solver.
 */
public final class CordonGreedy {

    private CordonGreedy() {
    }

    /** Sites closing every open crossing direction (weights ignored), or as many as the budget allows. */
    public static List<Integer> solve(CordonProblem p, double budgetGbp, boolean weighted) {
        int n = p.demands().size();
        boolean[] closed = new boolean[n];
        boolean[] used = new boolean[p.crossings().size()];
        List<Integer> chosen = new ArrayList<>();
        double spent = 0;
        while (true) {
            int best = -1;
            double bestGain = 0;
            for (int s = 0; s < used.length; s++) {
                if (used[s]) {
                    continue;
                }
                double g = 0;
                for (int d : p.covers(s)) {
                    if (!closed[d]) {
                        g += weighted ? p.weight(d) : 1;
                    }
                }
                if (g > bestGain) {
                    bestGain = g;
                    best = s;
                }
            }
            if (best < 0 || spent + p.settings().siteCostGbp() > budgetGbp + 1e-9) {
                return chosen;
            }
            used[best] = true;
            chosen.add(best);
            spent += p.settings().siteCostGbp();
            for (int d : p.covers(best)) {
                closed[d] = true;
            }
        }
    }
}
