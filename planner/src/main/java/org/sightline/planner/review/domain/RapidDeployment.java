package org.sightline.planner.review.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.sightline.geo.crs.GridPoint;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.siting.domain.LazyGreedy;
import org.sightline.planner.siting.domain.Pick;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingProblem;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * Where the partnership's N re-deployable cameras should stand this month. The instance's demand
 * should be the prospective (recent, fast-decaying) demand and its existing cameras the fixed
 * estate. The best N positions are chosen greedily; each camera already near a chosen position
 * stays, and the others are sent to the remaining positions nearest to them, each move with its
 * gain (the new position's marginal demand minus what the camera covers where it stands).
 */
public final class RapidDeployment {

    /** A re-deployable camera where it stands now. */
    public record Deployed(String id, GridPoint at, double azimuthDegrees) {
    }

    /** What to do with one camera: stay, or move to a site facing an azimuth, with the gain. */
    public record Instruction(Deployed camera, boolean stay, String siteId, GridPoint to, double azimuthDegrees,
                              double distanceMetres, double currentValue, double newValue, double gain) {
    }

    /** The recommended positions and what each camera should do, biggest gain first. */
    public record Result(List<Pick> positions, List<Instruction> instructions, double totalWeight) {
    }

    /** Recommends positions for {@code cameras} (all of spec {@code spec}); a camera within {@code stayMetres} stays. */
    public Result recommend(SitingInstance in, List<Deployed> cameras, double minSpacingMetres, double stayMetres) {
        if (cameras.isEmpty()) {
            throw new IllegalArgumentException("no re-deployable cameras given");
        }
        SitingResult plan = new LazyGreedy().solve(new SitingProblem(in, new PlanLimit.CameraCount(cameras.size()),
                minSpacingMetres));
        List<Pick> positions = plan.picks();
        boolean[] taken = new boolean[positions.size()];
        boolean[] placed = new boolean[cameras.size()];
        List<Instruction> out = new ArrayList<>();
        Demand d = in.demand();
        for (int c = 0; c < cameras.size(); c++) {
            for (int k = 0; k < positions.size(); k++) {
                GridPoint to = in.siteOf(positions.get(k).option()).at();
                if (!taken[k] && cameras.get(c).at().distanceMetres(to) <= stayMetres) {
                    taken[k] = true;
                    placed[c] = true;
                    double v = value(in.spec(), cameras.get(c), d, in.coveredByExisting());
                    out.add(new Instruction(cameras.get(c), true, positions.get(k).siteId(), to,
                            positions.get(k).azimuthDegrees(), cameras.get(c).at().distanceMetres(to), v,
                            positions.get(k).marginalGain(), 0));
                    break;
                }
            }
        }
        for (int c = 0; c < cameras.size(); c++) {
            if (placed[c]) {
                continue;
            }
            int nearest = -1;
            double best = Double.POSITIVE_INFINITY;
            for (int k = 0; k < positions.size(); k++) {
                double dist = cameras.get(c).at().distanceMetres(in.siteOf(positions.get(k).option()).at());
                if (!taken[k] && dist < best) {
                    best = dist;
                    nearest = k;
                }
            }
            double current = value(in.spec(), cameras.get(c), d, in.coveredByExisting());
            if (nearest < 0) {
                out.add(new Instruction(cameras.get(c), true, "", cameras.get(c).at(), cameras.get(c).azimuthDegrees(), 0,
                        current, current, 0));
                continue;
            }
            taken[nearest] = true;
            Pick p = positions.get(nearest);
            out.add(new Instruction(cameras.get(c), false, p.siteId(), in.siteOf(p.option()).at(), p.azimuthDegrees(), best,
                    current, p.marginalGain(), p.marginalGain() - current));
        }
        out.sort(Comparator.comparingDouble(Instruction::gain).reversed());
        return new Result(positions, out, d.totalWeight());
    }

    /** Demand a camera covers where it stands that the fixed estate does not. */
    private static double value(CameraSpec spec, Deployed camera, Demand d, boolean[] coveredByFixed) {
        CoverageSector sector = CoverageSector.of(spec, camera.at(), camera.azimuthDegrees());
        double v = 0;
        for (int p = 0; p < d.size(); p++) {
            if (!coveredByFixed[p] && sector.contains(d.x(p), d.y(p))) {
                v += d.weight(p);
            }
        }
        return v;
    }
}
