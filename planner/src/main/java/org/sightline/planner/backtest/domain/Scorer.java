package org.sightline.planner.backtest.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.grid.domain.MetricGrid;
import org.sightline.planner.grid.domain.PointIndex;

/**
 * Scores placements against the test months' crimes. The test demand must be plain counts
 * (weights 1, no smoothing) so that hit rates are shares of crimes.
 */
final class Scorer {

    private final Demand test;
    private final CameraSpec spec;
    private final double studyAreaSquareMetres;
    private final PointIndex index;
    private final double total;
    private final double[] bestCellsShare;
    private final double cellArea;

    Scorer(Demand test, CameraSpec spec, double studyAreaSquareMetres, double cellMetres) {
        this.test = test;
        this.spec = spec;
        this.studyAreaSquareMetres = studyAreaSquareMetres;
        this.index = new PointIndex(test.xs(), test.ys(), Math.max(25, spec.groundRangeMetres()));
        this.total = test.recordCount();
        MetricGrid grid = MetricGrid.covering(test.xs(), test.ys(), 0, cellMetres);
        double[] perCell = new double[grid.cellCount()];
        for (int p = 0; p < test.size(); p++) {
            perCell[grid.cellOf(test.x(p), test.y(p))] += test.totalCount(p);
        }
        Arrays.sort(perCell);
        List<Double> cumulative = new ArrayList<>();
        double sum = 0;
        for (int i = perCell.length - 1; i >= 0 && perCell[i] > 0; i--) {
            sum += perCell[i];
            cumulative.add(sum / total);
        }
        this.bestCellsShare = cumulative.stream().mapToDouble(Double::doubleValue).toArray();
        this.cellArea = grid.cellAreaSquareMetres();
    }

    double totalTestCrimes() {
        return total;
    }

    /** Share of test crimes that the placements cover. */
    double hitRate(List<Placement> placements) {
        boolean[] hit = new boolean[test.size()];
        for (Placement pl : placements) {
            CoverageSector sector = CoverageSector.of(spec, pl.at(), pl.azimuthDegrees());
            index.forEachWithin(pl.at().eastingMetres(), pl.at().northingMetres(), spec.groundRangeMetres(), p -> {
                if (sector.contains(test.x(p), test.y(p))) {
                    hit[p] = true;
                }
            });
        }
        double n = 0;
        for (int p = 0; p < hit.length; p++) {
            if (hit[p]) {
                n += test.totalCount(p);
            }
        }
        return total == 0 ? 0 : n / total;
    }

    /** Area of the union of the placements' sectors in square metres. */
    double coveredAreaSquareMetres(List<Placement> placements) {
        GeometryFactory f = new GeometryFactory();
        List<Geometry> parts = new ArrayList<>();
        for (Placement pl : placements) {
            parts.add(CoverageSector.of(spec, pl.at(), pl.azimuthDegrees()).toPolygon(f));
        }
        return parts.isEmpty() ? 0 : UnaryUnionOp.union(parts).getArea();
    }

    /** The best share of test crimes that grid cells with this much area could hold (fraction of a cell allowed). */
    double bestShareForArea(double areaSquareMetres) {
        double cells = areaSquareMetres / cellArea;
        int whole = (int) Math.floor(cells);
        if (bestCellsShare.length == 0) {
            return 0;
        }
        if (whole >= bestCellsShare.length) {
            return bestCellsShare[bestCellsShare.length - 1];
        }
        double below = whole == 0 ? 0 : bestCellsShare[whole - 1];
        return below + (cells - whole) * (bestCellsShare[whole] - below);
    }

    BacktestRow row(String method, List<Placement> placements) {
        double hit = hitRate(placements);
        double area = coveredAreaSquareMetres(placements);
        return row(method, placements.size(), hit, area);
    }

    BacktestRow row(String method, int cameras, double hit, double area) {
        double pai = area == 0 ? 0 : hit / (area / studyAreaSquareMetres);
        double best = bestShareForArea(area);
        double pei = best == 0 ? 0 : hit / best;
        return new BacktestRow(method, cameras, hit, pai, pei, area / 1e6);
    }
}
