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
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;

class HotspotsTest {

    private static final MetricProjection BNG = new ProjectionService().britishNationalGrid();
    private static final double E0 = 340_000;
    private static final double N0 = 390_000;

    private static void add(List<CrimeRecord> out, double dx, double dy, int n, String location) {
        for (int i = 0; i < n; i++) {
            out.add(new CrimeRecord("", YearMonth.of(2019, 1 + i % 12), "", "Burglary",
                    BNG.unproject(new GridPoint(E0 + dx, N0 + dy)), location, "E01", "Knowsley 001A", ""));
        }
    }

    /** Thin background over 4 km × 4 km, a busy cluster around (1000, 1000) and a smaller one around (3000, 3000). */
    private static Demand demand() {
        List<CrimeRecord> records = new ArrayList<>();
        Random r = new Random(7);
        for (int i = 0; i < 400; i++) {
            add(records, r.nextDouble() * 4000, r.nextDouble() * 4000, 1, "On or near Street " + i);
        }
        add(records, 1000, 1000, 15, "On or near Marl Road");
        add(records, 1030, 1000, 15, "On or near Marl Road");
        add(records, 1000, 1030, 25, "On or near Parking Area");
        add(records, 1030, 1030, 25, "On or near Parking Area");
        add(records, 3000, 3000, 12, "On or near Supermarket");
        add(records, 3030, 3000, 12, "On or near Supermarket");
        MonthRange months = new MonthRange(YearMonth.of(2019, 1), YearMonth.of(2019, 12));
        return new DemandBuilder(BNG).build(records, DemandSpec.counts(CrimeWeights.priorities(), months));
    }

    private static int pointAt(Demand d, double dx, double dy) {
        for (int p = 0; p < d.size(); p++) {
            if (Math.abs(d.x(p) - E0 - dx) < 0.5 && Math.abs(d.y(p) - N0 - dy) < 0.5) {
                return p;
            }
        }
        throw new AssertionError("no point at " + dx + ", " + dy);
    }

    @Test
    void clustersOfSignificantCellsAreNamedAfterTheirStreetAndRankedByDemand() {
        Demand d = demand();
        Hotspots hotspots = Hotspots.of(d);
        assertThat(hotspots.list()).hasSizeGreaterThanOrEqualTo(2);
        Hotspots.Hotspot first = hotspots.list().get(0);
        assertThat(first.rank()).isEqualTo(1);
        assertThat(first.name()).as("a named street beats a generic place").isEqualTo("Marl Road");
        assertThat(first.records()).isGreaterThanOrEqualTo(80);
        assertThat(hotspots.list().get(1).name()).as("no street among its records").isEqualTo("Supermarket");
        assertThat(hotspots.hotspotOf(pointAt(d, 1030, 1030))).isZero();
        assertThat(hotspots.hotspotOf(pointAt(d, 3000, 3000))).isEqualTo(1);
        assertThat(first.centre().latDegrees()).isCloseTo(BNG.unproject(new GridPoint(E0 + 1015, N0 + 1015)).latDegrees(),
                within(0.0005));
    }

    @Test
    void coveredWeightCountsEachHotspotsPointsOnce() {
        Demand d = demand();
        Hotspots hotspots = Hotspots.of(d, new HotspotLayers(BNG, HotspotLayers.Settings.defaults()).getisOrd(d));
        int[] half = {pointAt(d, 1000, 1000), pointAt(d, 1030, 1030), pointAt(d, 3000, 3000)};
        double[] covered = hotspots.coveredWeight(d, half);
        assertThat(covered[0]).isCloseTo(40, within(1e-9));
        assertThat(covered[1]).isCloseTo(12, within(1e-9));
        assertThat(covered[0] / hotspots.list().get(0).weight()).isBetween(0.4, 0.5);
    }

    @Test
    void onlyGiStarLayersHaveHotspotsAndLocationTextIsShortened() {
        Demand d = demand();
        GridLayer kde = new HotspotLayers(BNG, HotspotLayers.Settings.defaults()).kernelDensity(d);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Hotspots.of(d, kde))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Gi*");
        assertThat(Hotspots.shortPlace("On or near Marl Road")).isEqualTo("Marl Road");
        assertThat(Hotspots.shortPlace("  ")).isEmpty();
    }

    @Test
    void eachHotspotHasAnOutlineOfItsCellsThatHoldsItsRecords() {
        Demand d = demand();
        Hotspots hotspots = Hotspots.of(d);
        for (int h = 0; h < hotspots.list().size(); h++) {
            Hotspots.Hotspot spot = hotspots.list().get(h);
            assertThat(spot.areaKm2()).isCloseTo(spot.cells() * 0.0025, within(1e-12));
            Geometry outline = hotspots.outline(h);
            assertThat(outline.getSRID()).isEqualTo(4326);
            assertThat(outline.isValid()).isTrue();
            // back in metres the outline's area is the cells' area (to a part in a thousand: projection round trip)
            Geometry metric = outline.copy();
            metric.apply((CoordinateFilter) c -> {
                GridPoint g = BNG.project(new LonLat(c.x, c.y));
                c.x = g.eastingMetres();
                c.y = g.northingMetres();
            });
            metric.geometryChanged();
            assertThat(metric.getArea() / 1e6).isCloseTo(spot.areaKm2(), within(spot.areaKm2() * 1e-3));
            // cells merge into one ring, not a square per cell
            assertThat(outline.getNumPoints()).isLessThan(5 * spot.cells());
        }
        Geometry marl = hotspots.outline(0);
        assertThat(marl.covers(Wgs84.point(BNG.unproject(new GridPoint(E0 + 1015, N0 + 1015))))).isTrue();
        assertThat(marl.covers(Wgs84.point(BNG.unproject(new GridPoint(E0 + 3000, N0 + 3000))))).isFalse();
    }
}
