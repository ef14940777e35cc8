package org.sightline.planner.siting.adapter.ortools;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.sightline.planner.grid.domain.PointIndex;
import org.sightline.planner.siting.domain.Pick;
import org.sightline.planner.siting.domain.PlanOrder;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * The maximal covering location problem solved exactly with OR-Tools (SCIP or CP-SAT through the
 * linear-solver wrapper): x_o ∈ {0,1} per option, y_g ≤ Σ x_o over the options covering demand
 * group g, at most one option per site, Σ x_o ≤ k (or Σ cost·x_o ≤ budget), and no two chosen sites
 * closer than the minimum spacing. Demand points covered by exactly the same options are merged into
 * one group first, and points the existing cameras cover are left out (they are covered anyway).
 * The greedy plan, when given, is passed as a hint. Reports the proven bound and the gap.
 */
public final class ExactSolver {

    /** Which OR-Tools engine runs the model. */
    public enum Engine {
        SCIP("SCIP"), CP_SAT("CP_SAT");

        final String id;

        Engine(String id) {
            this.id = id;
        }
    }

    private static volatile boolean loaded;

    private final Engine engine;
    private final Duration timeLimit;
    private final double relativeGap;

    /**
     * @param timeLimit   wall time after which the best plan found so far is returned (1 s .. 1 h)
     * @param relativeGap the solver stops once (bound − objective) / bound is at most this (0 .. 0.5)
     */
    public ExactSolver(Engine engine, Duration timeLimit, double relativeGap) {
        if (timeLimit.compareTo(Duration.ofSeconds(1)) < 0 || timeLimit.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("time limit must be 1 s .. 1 h, was " + timeLimit);
        }
        if (!(relativeGap >= 0 && relativeGap <= 0.5)) {
            throw new IllegalArgumentException("relative gap must be 0..0.5, was " + relativeGap);
        }
        this.engine = engine;
        this.timeLimit = timeLimit;
        this.relativeGap = relativeGap;
    }

    private static void loadNatives() {
        if (!loaded) {
            synchronized (ExactSolver.class) {
                if (!loaded) {
                    Loader.loadNativeLibraries();
                    loaded = true;
                }
            }
        }
    }

    /** Solves {@code problem}; {@code hint} (may be null) is a feasible plan to start from. */
    public SitingResult solve(SitingProblem problem, SitingResult hint) {
        long t0 = System.nanoTime();
        loadNatives();
        SitingInstance in = problem.instance();
        MPSolver solver = MPSolver.createSolver(engine.id);
        if (solver == null) {
            throw new IllegalStateException("OR-Tools engine " + engine.id + " is not available");
        }
        try {
            boolean integerY = engine == Engine.CP_SAT;
            int options = in.optionCount();
            MPVariable[] x = new MPVariable[options];
            for (int o = 0; o < options; o++) {
                x[o] = solver.makeBoolVar("x" + o);
            }
            MPObjective objective = solver.objective();
            objective.setMaximization();
            List<int[]> groups = new ArrayList<>();
            double[] groupWeight = groups(in, groups);
            for (int g = 0; g < groups.size(); g++) {
                MPVariable y = integerY ? solver.makeBoolVar("y" + g) : solver.makeNumVar(0, 1, "y" + g);
                objective.setCoefficient(y, groupWeight[g]);
                MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                link.setCoefficient(y, 1);
                for (int o : groups.get(g)) {
                    link.setCoefficient(x[o], -1);
                }
            }
            List<List<Integer>> bySite = optionsBySite(in);
            for (List<Integer> siteOptions : bySite) {
                if (siteOptions.size() > 1) {
                    MPConstraint one = solver.makeConstraint(0, 1);
                    siteOptions.forEach(o -> one.setCoefficient(x[o], 1));
                }
            }
            MPConstraint limit;
            if (problem.limit() instanceof PlanLimit.Budget b) {
                limit = solver.makeConstraint(0, b.gbp());
                for (int o = 0; o < options; o++) {
                    limit.setCoefficient(x[o], in.siteOf(o).costGbp());
                }
            } else {
                limit = solver.makeConstraint(0, ((PlanLimit.CameraCount) problem.limit()).cameras());
                for (int o = 0; o < options; o++) {
                    limit.setCoefficient(x[o], 1);
                }
            }
            addSpacing(solver, problem, bySite, x);
            if (hint != null) {
                double[] values = new double[options];
                for (Pick p : hint.picks()) {
                    values[p.option()] = 1;
                }
                solver.setHint(x, values);
            }
            solver.setTimeLimit(timeLimit.toMillis());
            if (engine == Engine.CP_SAT) {
                solver.setSolverSpecificParametersAsString("num_workers:" + Runtime.getRuntime().availableProcessors());
            }
            MPSolverParameters params = new MPSolverParameters();
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, relativeGap);
            MPSolver.ResultStatus status = solver.solve(params);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new SitingResult("exact " + engine.id, List.of(), in.existingWeight(), in.existingWeight(),
                        in.demand().totalWeight(), Double.NaN, "no plan found (" + status + ")", seconds(t0));
            }
            List<Integer> chosen = new ArrayList<>();
            for (int o = 0; o < options; o++) {
                if (x[o].solutionValue() > 0.5) {
                    chosen.add(o);
                }
            }
            List<Pick> picks = PlanOrder.order(in, chosen);
            double covered = picks.isEmpty() ? in.existingWeight() : picks.get(picks.size() - 1).cumulativeCovered();
            double bound = Math.max(covered, objective.bestBound() + in.existingWeight());
            String state = status == MPSolver.ResultStatus.OPTIMAL
                    ? (relativeGap == 0 ? "optimal" : String.format(Locale.ROOT, "optimal within %.2f %%", 100 * relativeGap))
                    : "time limit reached";
            return new SitingResult("exact " + engine.id, picks, in.existingWeight(), covered,
                    in.demand().totalWeight(), bound, state, seconds(t0));
        } finally {
            solver.delete();
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Points not covered by existing cameras, grouped by the set of options covering them. */
    private static double[] groups(SitingInstance in, List<int[]> groups) {
        int n = in.demand().size();
        int[] degree = new int[n];
        for (int[] c : in.optionCovers()) {
            for (int p : c) {
                degree[p]++;
            }
        }
        int[][] coveringOptions = new int[n][];
        for (int p = 0; p < n; p++) {
            coveringOptions[p] = new int[degree[p]];
        }
        int[] fill = new int[n];
        for (int o = 0; o < in.optionCount(); o++) {
            for (int p : in.optionCovers()[o]) {
                coveringOptions[p][fill[p]++] = o;
            }
        }
        Map<Key, Integer> index = new HashMap<>();
        List<Double> weights = new ArrayList<>();
        for (int p = 0; p < n; p++) {
            if (degree[p] == 0 || in.coveredByExisting()[p] || in.demand().weight(p) <= 0) {
                continue;
            }
            Key key = new Key(coveringOptions[p]);
            Integer g = index.get(key);
            if (g == null) {
                index.put(key, groups.size());
                groups.add(coveringOptions[p]);
                weights.add(in.demand().weight(p));
            } else {
                weights.set(g, weights.get(g) + in.demand().weight(p));
            }
        }
        return weights.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private record Key(int[] options) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(options, k.options);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(options);
        }
    }

    private static List<List<Integer>> optionsBySite(SitingInstance in) {
        List<List<Integer>> bySite = new ArrayList<>();
        for (int s = 0; s < in.sites().size(); s++) {
            bySite.add(new ArrayList<>(2));
        }
        for (int o = 0; o < in.optionCount(); o++) {
            bySite.get(in.optionSite()[o]).add(o);
        }
        return bySite;
    }

    private static void addSpacing(MPSolver solver, SitingProblem problem, List<List<Integer>> bySite, MPVariable[] x) {
        double spacing = problem.minSpacingMetres();
        if (spacing <= 0) {
            return;
        }
        SitingInstance in = problem.instance();
        double[] sx = new double[in.sites().size()];
        double[] sy = new double[sx.length];
        for (int s = 0; s < sx.length; s++) {
            sx[s] = in.sites().get(s).at().eastingMetres();
            sy[s] = in.sites().get(s).at().northingMetres();
        }
        PointIndex index = new PointIndex(sx, sy, spacing);
        for (int s = 0; s < sx.length; s++) {
            if (bySite.get(s).isEmpty()) {
                continue;
            }
            final int a = s;
            index.forEachWithin(sx[s], sy[s], spacing, t -> {
                if (t > a && !bySite.get(t).isEmpty()) {
                    MPConstraint apart = solver.makeConstraint(0, 1);
                    bySite.get(a).forEach(o -> apart.setCoefficient(x[o], 1));
                    bySite.get(t).forEach(o -> apart.setCoefficient(x[o], 1));
                }
            });
        }
    }
}
