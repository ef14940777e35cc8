package org.sightline.planner.hotspot.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.grid.domain.MetricGrid;

class HotspotTest {

    private static final MetricProjection BNG = new ProjectionService().britishNationalGrid();

    @Test
    void quarticKernelIntegratesToTheTotalWeight() {
        MetricGrid grid = new MetricGrid(0, 0, 10, 100, 100);
        double[] d = KernelDensity.density(grid, new double[] {500, 520}, new double[] {500, 480}, new double[] {3, 1}, 200);
        double total = 0;
        for (double v : d) {
            total += v * grid.cellAreaSquareMetres();
        }
        assertThat(total).isCloseTo(4, within(0.02));
        assertThat(d[grid.cellOf(505, 505)]).isGreaterThan(d[grid.cellOf(705, 505)]);
        assertThat(d[grid.cellOf(905, 905)]).isZero();
    }

    @Test
    void silvermanBandwidthFollowsTheRuleAndIgnoresOutliers() {
        Random r = new Random(1);
        double[] x = new double[1000];
        double[] y = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextGaussian() * 1000;
            y[i] = r.nextGaussian() * 1000;
        }
        double[] w = new double[1000];
        java.util.Arrays.fill(w, 1);
        double h = KernelDensity.silvermanBandwidthMetres(x, y, w);
        assertThat(h).isCloseTo(0.9 * 1000 * Math.pow(1000, -0.2), within(20.0));
        x[0] = 1_000_000;   // one far outlier barely moves the robust rule
        assertThat(KernelDensity.silvermanBandwidthMetres(x, y, w)).isCloseTo(h, within(20.0));
    }

    @Test
    void getisOrdFlagsAClusterAndBenjaminiHochbergKeepsNoiseQuiet() {
        MetricGrid grid = new MetricGrid(0, 0, 50, 60, 60);
        Random r = new Random(3);
        double[] counts = new double[grid.cellCount()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = r.nextInt(2);   // background noise: 0 or 1
        }
        int centre = grid.cellOf(1500, 1500);
        for (int dr = -1; dr <= 1; dr++) {
            for (int dc = -1; dc <= 1; dc++) {
                counts[centre + dr * grid.cols() + dc] = 12;
            }
        }
        GetisOrd.Result gi = GetisOrd.compute(grid, counts, 150, 0.05);
        assertThat(gi.flags()[centre]).isEqualTo(1);
        assertThat(gi.z()[centre]).isGreaterThan(5);
        assertThat(gi.flags()[grid.cellOf(200, 2800)]).isZero();
        assertThat(gi.hot()).isLessThan(60);

        double[] noise = new double[grid.cellCount()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = r.nextInt(2);
        }
        GetisOrd.Result none = GetisOrd.compute(grid, noise, 150, 0.05);
        assertThat(none.hot() + none.cold()).isLessThan(5);
    }

    @Test
    void benjaminiHochbergThresholdAndNormalTail() {
        assertThat(GetisOrd.benjaminiHochberg(new double[] {0.001, 0.01, 0.03, 0.04, 0.9}, 0.05)).isEqualTo(0.04);
        assertThat(GetisOrd.benjaminiHochberg(new double[] {0.2, 0.5}, 0.05)).isEqualTo(-1);
        assertThat(GetisOrd.twoSidedP(1.959964)).isCloseTo(0.05, within(1e-6));
        assertThat(GetisOrd.twoSidedP(5)).isCloseTo(5.733e-7, within(1e-9));
    }

    @Test
    void nearRepeatSurfaceFavoursRecentEventsAndLayersWriteGeoJson() {
        GridPoint a = new GridPoint(340_000, 390_000);
        GridPoint b = new GridPoint(342_000, 390_000);
        List<CrimeRecord> records = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            records.add(crime(BNG.unproject(a), "2020-06"));   // recent, at a
            records.add(crime(BNG.unproject(b), "2020-03"));   // older, at b
        }
        MonthRange months = new MonthRange(YearMonth.of(2020, 1), YearMonth.of(2020, 6));
        Demand demand = new DemandBuilder(BNG).build(records, DemandSpec.counts(CrimeWeights.priorities(), months));
        HotspotLayers layers = new HotspotLayers(BNG, HotspotLayers.Settings.defaults());
        GridLayer nr = layers.nearRepeat(demand, records, YearMonth.of(2020, 6));
        MetricGrid g = nr.grid();
        assertThat(nr.values()[g.cellOf(a.eastingMetres(), a.northingMetres())])
                .isGreaterThan(3 * nr.values()[g.cellOf(b.eastingMetres(), b.northingMetres())]);
        GridLayer kde = layers.kernelDensity(demand);
        String json = kde.toGeoJson(0.5);
        assertThat(json).startsWith("{\"type\":\"FeatureCollection\"").contains("\"Polygon\"").contains("quartic");
        assertThat(json).contains(String.format(java.util.Locale.ROOT, "%.2f", BNG.unproject(a).lonDegrees()));
    }

    private static CrimeRecord crime(LonLat at, String month) {
        return new CrimeRecord("", YearMonth.parse(month), "", "Burglary", at, "", "E01", "Area 001A", "");
    }
}
