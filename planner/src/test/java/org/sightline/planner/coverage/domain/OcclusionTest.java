package org.sightline.planner.coverage.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.crs.GridPoint;

class OcclusionTest {

    private static final GeometryFactory METRIC = new GeometryFactory();

    private static Polygon wkt(String text) {
        try {
            return (Polygon) new WKTReader(METRIC).read(text);
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A 20 m × 20 m building 40–60 m north of the camera at the origin. */
    private static final Polygon BLOCK = wkt("POLYGON ((-10 40, 10 40, 10 60, -10 60, -10 40))");

    @Test
    void aBuildingBetweenCameraAndPointHidesThePointAndNothingBesideIt() {
        Occlusion.Sightlines sight = Occlusion.of(List.of(BLOCK)).from(new GridPoint(0, 0), 150);
        assertThat(sight.footprintsInRange()).isEqualTo(1);
        assertThat(sight.sees(0, 100)).as("straight behind the building").isFalse();
        assertThat(sight.sees(8, 120)).as("behind its east side").isFalse();
        assertThat(sight.sees(50, 100)).as("the ray passes east of the building").isTrue();
        assertThat(sight.sees(0, 30)).as("in front of the building").isTrue();
        assertThat(sight.sees(0, -100)).as("behind the camera").isTrue();
    }

    @Test
    void aBuildingOutOfRangeIsNotConsulted() {
        Occlusion.Sightlines sight = Occlusion.of(List.of(BLOCK)).from(new GridPoint(0, -500), 100);
        assertThat(sight.footprintsInRange()).isZero();
        assertThat(Occlusion.none().from(new GridPoint(0, 0), 100).sees(0, 100)).isTrue();
    }

    @Test
    void theBuildingACameraIsMountedOnDoesNotBlockIt() {
        Occlusion.Sightlines onTheRoof = Occlusion.of(List.of(BLOCK)).from(new GridPoint(0, 50), 150);
        assertThat(onTheRoof.footprintsInRange()).isZero();
        assertThat(onTheRoof.sees(0, 120)).isTrue();
        assertThat(onTheRoof.sees(0, -20)).isTrue();
    }

    @Test
    void aPointInsideABuildingCountsAsSeenUnlessAnotherBuildingIsInTheWay() {
        Polygon shop = wkt("POLYGON ((-10 90, 10 90, 10 110, -10 110, -10 90))");
        Occlusion.Sightlines open = Occlusion.of(List.of(shop)).from(new GridPoint(0, 0), 150);
        assertThat(open.sees(0, 100)).as("police.uk places a shop's crimes at the shop").isTrue();
        Occlusion.Sightlines blocked = Occlusion.of(List.of(shop, BLOCK)).from(new GridPoint(0, 0), 150);
        assertThat(blocked.sees(0, 100)).isFalse();
    }

    @Test
    void aCourtyardInsideABuildingIsHiddenByItsWalls() {
        Polygon ring = wkt("POLYGON ((-30 40, 30 40, 30 100, -30 100, -30 40), (-20 50, 20 50, 20 90, -20 90, -20 50))");
        Occlusion.Sightlines sight = Occlusion.of(List.of(ring)).from(new GridPoint(0, 0), 150);
        assertThat(sight.sees(0, 70)).as("in the courtyard, behind the south wing").isFalse();
    }

    @Test
    void clearDistanceStopsAtTheFirstWall() {
        Occlusion.Sightlines sight = Occlusion.of(List.of(BLOCK)).from(new GridPoint(0, 0), 150);
        assertThat(sight.clearMetres(0, 150)).isCloseTo(40, within(1e-9));
        assertThat(sight.clearMetres(90, 150)).isCloseTo(150, within(1e-9));
        assertThat(sight.clearMetres(180, 150)).isCloseTo(150, within(1e-9));
    }

    @Test
    void theVisibleSectorIsTheSectorLessTheShadow() {
        CoverageSector sector = new CoverageSector(new GridPoint(0, 0), 0, 60, 150);
        Polygon open = sector.toVisiblePolygon(METRIC, Occlusion.none().from(new GridPoint(0, 0), 150));
        assertThat(open.getArea()).isCloseTo(sector.areaSquareMetres(), within(0.01 * sector.areaSquareMetres()));
        Polygon seen = sector.toVisiblePolygon(METRIC, Occlusion.of(List.of(BLOCK)).from(new GridPoint(0, 0), 150));
        assertThat(seen.isValid()).isTrue();
        assertThat(seen.getArea()).isLessThan(0.75 * open.getArea()).isGreaterThan(0.4 * open.getArea());
        assertThat(seen.contains(METRIC.createPoint(new org.locationtech.jts.geom.Coordinate(0, 100)))).isFalse();
        assertThat(seen.contains(METRIC.createPoint(new org.locationtech.jts.geom.Coordinate(0, 30)))).isTrue();
    }
}
