package org.sightline.planner.cordon.adapter.ortools;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.sightline.planner.cordon.domain.CordonGreedy;
import org.sightline.planner.cordon.domain.CordonPlan;
import org.sightline.planner.cordon.domain.CordonProblem;

/**
 * Exact cordon plans with OR-Tools (SCIP): the fewest new sites so that every crossing direction is
 * read (set cover), or, under a budget, the most road-class weight read (maximal cover). Falls back
 * to the greedy plan if the solver finds nothing within the time limit.
 */
public final class CordonSolver {

    private static volatile boolean loaded;

    private final long timeLimitMillis;

    public CordonSolver(long timeLimitMillis) {
        this.timeLimitMillis = timeLimitMillis;
    }

    /** The fewest sites that close every open crossing direction. */
    public CordonPlan fewestSites(CordonProblem p) {
        return solve(p, Double.POSITIVE_INFINITY);
    }

    /** The sites within {@code budgetGbp} that read the most road-class weight. */
    public CordonPlan withinBudget(CordonProblem p, double budgetGbp) {
        return solve(p, budgetGbp);
    }

    private CordonPlan solve(CordonProblem p, double budget) {
        if (p.demands().isEmpty()) {
            return p.plan(List.of(), "nothing to close", true);
        }
        if (!loaded) {
            Loader.loadNativeLibraries();
            loaded = true;
        }
        boolean budgeted = Double.isFinite(budget);
        MPSolver solver = MPSolver.createSolver("SCIP");
        try {
            int sites = p.crossings().size();
            MPVariable[] x = new MPVariable[sites];
            for (int s = 0; s < sites; s++) {
                x[s] = solver.makeBoolVar("x" + s);
            }
            List<List<Integer>> coveredBy = new ArrayList<>();
            for (int d = 0; d < p.demands().size(); d++) {
                coveredBy.add(new ArrayList<>());
            }
            for (int s = 0; s < sites; s++) {
                for (int d : p.covers(s)) {
                    coveredBy.get(d).add(s);
                }
            }
            MPObjective objective = solver.objective();
            if (budgeted) {
                objective.setMaximization();
                MPConstraint cost = solver.makeConstraint(0, budget);
                for (int s = 0; s < sites; s++) {
                    cost.setCoefficient(x[s], p.settings().siteCostGbp());
                }
                for (int d = 0; d < coveredBy.size(); d++) {
                    MPVariable z = solver.makeNumVar(0, 1, "z" + d);
                    objective.setCoefficient(z, p.weight(d));
                    MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                    link.setCoefficient(z, 1);
                    coveredBy.get(d).forEach(s -> link.setCoefficient(x[s], -1));
                }
            } else {
                objective.setMinimization();
                for (int s = 0; s < sites; s++) {
                    objective.setCoefficient(x[s], 1);
                }
                for (List<Integer> by : coveredBy) {
                    MPConstraint cover = solver.makeConstraint(1, Double.POSITIVE_INFINITY);
                    by.forEach(s -> cover.setCoefficient(x[s], 1));
                }
            }
            solver.setTimeLimit(timeLimitMillis);
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return p.plan(CordonGreedy.solve(p, budget, budgeted), "greedy (exact solver: " + status + ")", false);
            }
            List<Integer> chosen = new ArrayList<>();
            for (int s = 0; s < sites; s++) {
                if (x[s].solutionValue() > 0.5) {
                    chosen.add(s);
                }
            }
            return p.plan(chosen, "exact (OR-Tools SCIP)", status == MPSolver.ResultStatus.OPTIMAL);
        } finally {
            solver.delete();
        }
    }
}
