package org.sightline.planner.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.grid.domain.PointIndex;
import org.sightline.planner.siting.domain.ExistingCamera;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.SitingInstance;

/**
 * Reviews the existing estate on recent demand: what each camera covers, what only it covers
 * (its marginal value: lost if it went), which cameras' areas have gone quiet, and the relocation
 * moves that gain most — moving a low-value camera to the best candidate option given the rest of
 * the estate. The instance must have been built with the estate as its existing cameras.
 */
public final class EstateReview {

    /** One camera's value on the review's demand. */
    public record CameraValue(ExistingCamera camera, double coveredWeight, double marginalWeight, int records,
                              boolean quiet) {
    }

    /** Move {@code camera} to {@code option} of the instance: gain = new marginal − current marginal. */
    public record Move(ExistingCamera camera, int option, String siteId, double azimuthDegrees, double currentMarginal,
                       double newMarginal, double gain) {
    }

    /** The review: cameras by increasing marginal value, the quiet ones, and moves by decreasing gain. */
    public record Result(List<CameraValue> cameras, List<Move> moves, double totalWeight) {
    }

    /**
     * Reviews the instance's existing cameras. A camera is quiet when its covered weight is below
     * {@code quietShareOfMedian} of the median camera's; moves are proposed for the
     * {@code movesFor} cameras of lowest marginal value.
     */
    public Result review(SitingInstance in, double quietShareOfMedian, int movesFor) {
        Demand d = in.demand();
        List<ExistingCamera> estate = in.existing();
        PointIndex index = new PointIndex(d.xs(), d.ys(), 100);
        int[] multiplicity = new int[d.size()];
        List<int[]> covers = new ArrayList<>();
        for (ExistingCamera c : estate) {
            CoverageSector sector = CoverageSector.of(c.spec(), c.at(), c.azimuthDegrees());
            List<Integer> pts = new ArrayList<>();
            index.forEachWithin(c.at().eastingMetres(), c.at().northingMetres(), c.spec().groundRangeMetres(), p -> {
                if (sector.contains(d.x(p), d.y(p))) {
                    pts.add(p);
                }
            });
            int[] arr = pts.stream().mapToInt(Integer::intValue).toArray();
            for (int p : arr) {
                multiplicity[p]++;
            }
            covers.add(arr);
        }
        List<CameraValue> values = new ArrayList<>();
        double[] covered = new double[estate.size()];
        for (int i = 0; i < estate.size(); i++) {
            double all = 0;
            double only = 0;
            int records = 0;
            for (int p : covers.get(i)) {
                all += d.weight(p);
                records += d.totalCount(p);
                if (multiplicity[p] == 1) {
                    only += d.weight(p);
                }
            }
            covered[i] = all;
            values.add(new CameraValue(estate.get(i), all, only, records, false));
        }
        double[] sorted = covered.clone();
        java.util.Arrays.sort(sorted);
        double median = sorted.length == 0 ? 0 : sorted[sorted.length / 2];
        List<CameraValue> marked = new ArrayList<>();
        for (CameraValue v : values) {
            marked.add(new CameraValue(v.camera(), v.coveredWeight(), v.marginalWeight(), v.records(),
                    v.coveredWeight() < quietShareOfMedian * median || v.coveredWeight() == 0));
        }
        marked.sort(Comparator.comparingDouble(CameraValue::marginalWeight));
        List<Move> moves = new ArrayList<>();
        for (int k = 0; k < Math.min(movesFor, marked.size()); k++) {
            CameraValue v = marked.get(k);
            int i = estate.indexOf(v.camera());
            boolean[] coveredWithout = new boolean[d.size()];
            for (int p = 0; p < d.size(); p++) {
                coveredWithout[p] = multiplicity[p] - (contains(covers.get(i), p) ? 1 : 0) > 0;
            }
            int best = -1;
            double bestGain = 0;
            for (int o = 0; o < in.optionCount(); o++) {
                double g = LazyGreedy.gain(in.optionCovers()[o], coveredWithout, d.weights());
                if (g > bestGain) {
                    bestGain = g;
                    best = o;
                }
            }
            if (best >= 0 && bestGain > v.marginalWeight()) {
                moves.add(new Move(v.camera(), best, in.siteOf(best).id(), in.optionAzimuthDegrees()[best],
                        v.marginalWeight(), bestGain, bestGain - v.marginalWeight()));
            }
        }
        moves.sort(Comparator.comparingDouble(Move::gain).reversed());
        return new Result(marked, moves, d.totalWeight());
    }

    private static boolean contains(int[] sortedOrNot, int p) {
        for (int q : sortedOrNot) {
            if (q == p) {
                return true;
            }
        }
        return false;
    }
}
