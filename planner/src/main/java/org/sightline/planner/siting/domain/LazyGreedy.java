package org.sightline.planner.siting.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.sightline.planner.grid.domain.PointIndex;

/**
 * Lazy greedy (CELF) for weighted maximal coverage. Covered weight is submodular, so a marginal
 * gain computed in an earlier round is an upper bound on the gain now: an option is re-evaluated
 * only when it reaches the top of the queue, and chosen when its fresh gain still leads. Under a
 * camera count the result is within (1 − 1/e) of the optimum, and an online bound (covered weight
 * plus the k largest current gains) is reported. Under a budget, both the gain-per-pound and the
 * plain-gain orders are run and the better plan kept. Stateless and thread-safe.
 */
public final class LazyGreedy {

    /** Solves {@code problem}; {@code progress} hears (cameras chosen, cameras allowed or -1). */
    public SitingResult solve(SitingProblem problem, ProgressListener progress) {
        long t0 = System.nanoTime();
        SitingResult result;
        if (problem.limit() instanceof PlanLimit.Budget budget) {
            Run byRatio = run(problem, true, budget.gbp(), Integer.MAX_VALUE, progress);
            Run byGain = run(problem, false, budget.gbp(), Integer.MAX_VALUE, progress);
            Run best = byRatio.coveredWeight >= byGain.coveredWeight ? byRatio : byGain;
            result = best.toResult(problem, Double.NaN, t0);
        } else {
            int k = ((PlanLimit.CameraCount) problem.limit()).cameras();
            Run run = run(problem, false, Double.POSITIVE_INFINITY, k, progress);
            result = run.toResult(problem, onlineBound(problem.instance(), run, k), t0);
        }
        return result;
    }

    /** As {@link #solve(SitingProblem, ProgressListener)} without progress. */
    public SitingResult solve(SitingProblem problem) {
        return solve(problem, ProgressListener.NONE);
    }

    private static final class Run {
        final boolean[] points;
        final List<Pick> picks = new ArrayList<>();
        double existingWeight;
        double coveredWeight;

        Run(boolean[] points) {
            this.points = points;
        }

        SitingResult toResult(SitingProblem problem, double bound, long t0) {
            return new SitingResult("greedy", picks, existingWeight, coveredWeight, problem.instance().demand().totalWeight(),
                    bound, "greedy", (System.nanoTime() - t0) / 1e9);
        }
    }

    /** A queued option; among equal keys the cheaper site, then the lower option number, comes first. */
    private record Entry(int option, double key, double cost, int round) {
    }

    private static Run run(SitingProblem problem, boolean perPound, double budget, int maxCameras,
                           ProgressListener progress) {
        SitingInstance in = problem.instance();
        double[] weight = in.demand().weights();
        Run run = new Run(in.coveredByExisting().clone());
        run.existingWeight = in.existingWeight();
        run.coveredWeight = run.existingWeight;
        boolean[] siteClosed = new boolean[in.sites().size()];
        PointIndex siteIndex = problem.minSpacingMetres() > 0 ? siteIndex(in, problem.minSpacingMetres()) : null;
        PriorityQueue<Entry> queue = new PriorityQueue<>(Math.max(1, in.optionCount()), (a, b) -> a.key != b.key
                ? Double.compare(b.key, a.key) : a.cost != b.cost ? Double.compare(a.cost, b.cost) : Integer.compare(a.option, b.option));
        for (int o = 0; o < in.optionCount(); o++) {
            double gain = gain(in.optionCovers()[o], run.points, weight);
            if (gain > 0) {
                double cost = in.siteOf(o).costGbp();
                queue.add(new Entry(o, key(gain, cost, perPound), cost, 0));
            }
        }
        double spent = 0;
        int round = 0;
        int total = maxCameras == Integer.MAX_VALUE ? -1 : maxCameras;
        while (!queue.isEmpty() && run.picks.size() < maxCameras) {
            Entry top = queue.poll();
            int site = in.optionSite()[top.option];
            double cost = in.siteOf(top.option).costGbp();
            if (siteClosed[site] || spent + cost > budget + 1e-9) {
                continue;
            }
            if (top.round != round) {
                double gain = gain(in.optionCovers()[top.option], run.points, weight);
                if (gain > 0) {
                    queue.add(new Entry(top.option, key(gain, cost, perPound), cost, round));
                }
                continue;
            }
            double gain = gain(in.optionCovers()[top.option], run.points, weight);
            for (int p : in.optionCovers()[top.option]) {
                run.points[p] = true;
            }
            run.coveredWeight += gain;
            spent += cost;
            run.picks.add(new Pick(top.option, in.siteOf(top.option).id(), in.optionAzimuthDegrees()[top.option],
                    cost, gain, run.coveredWeight));
            siteClosed[site] = true;
            if (siteIndex != null) {
                var at = in.sites().get(site).at();
                siteIndex.forEachWithin(at.eastingMetres(), at.northingMetres(), problem.minSpacingMetres(),
                        s -> siteClosed[s] = true);
            }
            round++;
            progress.progress(run.picks.size(), total);
        }
        return run;
    }

    private static PointIndex siteIndex(SitingInstance in, double spacing) {
        double[] x = new double[in.sites().size()];
        double[] y = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            x[s] = in.sites().get(s).at().eastingMetres();
            y[s] = in.sites().get(s).at().northingMetres();
        }
        return new PointIndex(x, y, spacing);
    }

    private static double key(double gain, double cost, boolean perPound) {
        return perPound ? gain / Math.max(cost, 1e-6) : gain;
    }

    /** Weight of the points in {@code covers} not yet {@code covered}. */
    public static double gain(int[] covers, boolean[] covered, double[] weight) {
        double g = 0;
        for (int p : covers) {
            if (!covered[p]) {
                g += weight[p];
            }
        }
        return g;
    }

    /**
     * f(S) + the sum of the k largest marginal gains given S: no k options together can add more,
     * by submodularity, whatever the spacing and one-per-site rules allow.
     */
    private static double onlineBound(SitingInstance in, Run run, int k) {
        double[] weight = in.demand().weights();
        double[] gains = new double[in.optionCount()];
        for (int o = 0; o < gains.length; o++) {
            gains[o] = gain(in.optionCovers()[o], run.points, weight);
        }
        Arrays.sort(gains);
        double bound = run.coveredWeight;
        for (int i = 0; i < k && i < gains.length; i++) {
            bound += gains[gains.length - 1 - i];
        }
        return bound;
    }
}
