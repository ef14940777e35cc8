package org.sightline.geo.crs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

class ProjectionServiceTest {

    private final ProjectionService projections = new ProjectionService();
    private final MetricProjection bng = projections.britishNationalGrid();

    @Test
    void roundTripThroughBritishNationalGridIsWithinOneMillimetre() {
        double[][] points = {{-2.85, 53.42}, {-6.30, 49.92}, {1.75, 52.65}, {-3.19, 55.95}, {-1.0, 60.4}};
        for (double[] p : points) {
            LonLat start = new LonLat(p[0], p[1]);
            GridPoint grid = bng.project(start);
            LonLat back = bng.unproject(grid);
            GridPoint again = bng.project(back);
            assertThat(grid.distanceMetres(again)).as("round trip of %s", start).isLessThan(0.001);
            // metres per degree on the sphere are plenty for a millimetre check of a tiny difference
            double northMetres = (back.latDegrees() - start.latDegrees()) * 111_195.0;
            double eastMetres = (back.lonDegrees() - start.lonDegrees()) * 111_195.0
                    * Math.cos(Math.toRadians(start.latDegrees()));
            assertThat(Math.hypot(northMetres, eastMetres)).as("WGS84 round trip of %s", start).isLessThan(0.001);
        }
    }

    /**
     * Ordnance Survey test point TP02 (Blackpool) of the OSTN15/OSGM15 developer pack
     * (OSTN15_OSGM15_TestInput_ETRStoOSGB.txt / TestOutput): ETRS89 53.77911025760 N,
     * -3.04045490691 E is OSGB36 E 331534.552, N 431920.792. The pack's values come from the
     * OSTN15 grid; the Helmert used here is good to about 2 m, and ETRS89 is WGS84 within a metre.
     */
    @Test
    void publishedOrdnanceSurveyTestPointIsWithinTwoMetres() {
        GridPoint grid = bng.project(new LonLat(-3.04045490691, 53.77911025760));
        assertThat(grid.distanceMetres(new GridPoint(331534.552, 431920.792))).isLessThan(2.0);
    }

    /**
     * The projection itself (without the datum shift) reproduces OS's worked example C.1 of "A guide
     * to coordinate systems in Great Britain" to the millimetre: OSGB36 52 39 27.2531 N,
     * 1 43 4.5177 E (Caister water tower) is E 651409.903, N 313177.270.
     */
    @Test
    void transverseMercatorParametersReproduceTheOsWorkedExample() {
        var crs = new org.locationtech.proj4j.CRSFactory();
        var osgb36 = crs.createFromParameters("OSGB36",
                "+proj=longlat +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +no_defs");
        var grid = crs.createFromParameters("EPSG:27700", ProjectionService.BNG_PROJ4);
        var transform = new org.locationtech.proj4j.CoordinateTransformFactory().createTransform(osgb36, grid);
        var out = transform.transform(new org.locationtech.proj4j.ProjCoordinate(
                1 + 43 / 60.0 + 4.5177 / 3600, 52 + 39 / 60.0 + 27.2531 / 3600), new org.locationtech.proj4j.ProjCoordinate());
        assertThat(new GridPoint(out.x, out.y).distanceMetres(new GridPoint(651409.903, 313177.270))).isLessThan(0.001);
    }

    @Test
    void geometriesAreProjectedWithoutChangingTheInput() throws Exception {
        Geometry line = new WKTReader(Wgs84.FACTORY).read("LINESTRING (-2.90 53.40, -2.80 53.40)");
        Geometry projected = bng.project(line);
        assertThat(line.getCoordinates()[0].x).isEqualTo(-2.90);
        assertThat(projected.getSRID()).isEqualTo(27700);
        // one tenth of a degree of longitude at 53.4 N is about 6.65 km
        assertThat(projected.getLength()).isBetween(6600.0, 6700.0);
        Geometry back = bng.unproject(projected);
        assertThat(back.getSRID()).isEqualTo(4326);
        assertThat(back.getCoordinates()[1].x).isCloseTo(-2.80, org.assertj.core.data.Offset.offset(1e-7));
    }

    @Test
    void areasOutsideGreatBritainUseTheirUtmZone() {
        MetricProjection paris = projections.forArea(new Envelope(2.2, 2.5, 48.8, 48.9));
        assertThat(paris.epsg()).isEqualTo(32631);
        MetricProjection sydney = projections.forPosition(new LonLat(151.2, -33.9));
        assertThat(sydney.epsg()).isEqualTo(32756);
        assertThat(projections.forArea(new Envelope(-3.0, -2.7, 53.3, 53.5)).epsg()).isEqualTo(27700);
        GridPoint p = paris.project(new LonLat(3.0, 0.0));
        assertThat(p.eastingMetres()).isCloseTo(500000, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void invalidZoneAndPositionsAreRefused() {
        assertThatThrownBy(() -> projections.utm(61, true)).hasMessageContaining("1..60");
        assertThatThrownBy(() -> new LonLat(181, 0)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> new LonLat(0, Double.NaN)).hasMessageContaining("latitude");
    }

    @Test
    void bearingsAreMeasuredClockwiseFromNorth() {
        GridPoint o = new GridPoint(0, 0);
        assertThat(Bearing.between(o, new GridPoint(10, 0)).degrees()).isEqualTo(90.0);
        assertThat(Bearing.between(o, new GridPoint(0, -10)).degrees()).isEqualTo(180.0);
        assertThat(Bearing.normalised(-90).degrees()).isEqualTo(270.0);
        assertThat(new Bearing(350).differenceDegrees(new Bearing(10))).isEqualTo(20.0);
    }
}
