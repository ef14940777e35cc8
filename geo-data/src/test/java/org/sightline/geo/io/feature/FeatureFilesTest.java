package org.sightline.geo.io.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.RoadClass;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;
import org.sightline.geo.site.adapter.file.CandidateSiteFeatures;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;

class FeatureFilesTest {

    @TempDir
    Path dir;

    private final ProjectionService projections = new ProjectionService();
    private final FeatureFiles files = new FeatureFiles(projections);

    private <T> ReadSummary read(Path file, FeatureMapper<T> mapper, List<T> out) {
        return files.read(file, Optional.empty(), Optional.empty(), mapper, out::add, ReadListener.NONE);
    }

    @Test
    void selfIntersectingPolygonIsRejectedAndTheOtherBoundaryLoads() throws Exception {
        Path file = Files.writeString(dir.resolve("areas.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","properties":{"code":"BOW","name":"Bow tie"},
                  "geometry":{"type":"Polygon","coordinates":[[[-2.9,53.4],[-2.8,53.5],[-2.8,53.4],[-2.9,53.5],[-2.9,53.4]]]}},
                 {"type":"Feature","properties":{"lad20cd":"E0","lad20nm":"Square"},
                  "geometry":{"type":"Polygon","coordinates":[[[-2.9,53.4],[-2.8,53.4],[-2.8,53.5],[-2.9,53.5],[-2.9,53.4]]]}}
                ]}""");
        List<Boundary> out = new ArrayList<>();
        ReadSummary s = read(file, BoundaryFeatures.mapper(Optional.empty(), Optional.empty()), out);
        assertThat(out).extracting(Boundary::code, Boundary::name).containsExactly(org.assertj.core.groups.Tuple.tuple("E0", "Square"));
        assertThat(out.get(0).area().getGeometryType()).isEqualTo("MultiPolygon");
        assertThat(s.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.reason()).contains("boundary BOW is not a valid polygon").contains("Self-intersection");
        });
    }

    @Test
    void brokenGeoJsonLineRejectsOnlyThatLine() throws Exception {
        Path file = Files.writeString(dir.resolve("roads.geojsonl"), String.join("\n",
                "{\"type\":\"Feature\",\"properties\":{\"road_classification\":\"A Road\",\"road_classification_number\":\"A580\"},"
                        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[-2.85,53.47],[-2.84,53.48]]}}",
                "{\"type\":\"Feature\",\"properties\":{\"road_classification\":\"A Road\"",
                "{\"type\":\"Feature\",\"properties\":{\"highway\":\"footway\"},"
                        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[-2.85,53.47],[-2.84,53.48]]}}",
                "{\"type\":\"Feature\",\"properties\":{\"highway\":\"motorway\",\"ref\":\"M57\",\"oneway\":\"yes\"},"
                        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[345000,395000],[345100,395100]]}}",
                ""));
        List<RoadSegment> out = new ArrayList<>();
        ReadSummary s = read(file, RoadFeatures.mapper("roads.geojsonl"), out);
        assertThat(out).extracting(RoadSegment::roadNumber).containsExactly("A580");
        assertThat(out.get(0).id()).isEqualTo("roads.geojsonl#1");
        assertThat(s.rowsFiltered()).isEqualTo(1);
        assertThat(s.problems()).extracting(p -> p.line()).containsExactly(2L, 4L);
        assertThat(s.problems().get(0).reason()).startsWith("not valid JSON");
        assertThat(s.problems().get(1).reason()).contains("not WGS84").contains("EPSG:27700");
    }

    @Test
    void geoPackageRoundTripKeepsGeometryAndAttributes() throws Exception {
        WKTReader wkt = new WKTReader(Wgs84.FACTORY);
        RoadSegment a580 = new RoadSegment("r1", RoadClass.A_ROAD, "A580", "East Lancashire Road",
                (org.locationtech.jts.geom.LineString) wkt.read("LINESTRING (-2.85 53.47, -2.84 53.48, -2.83 53.485)"),
                TravelDirection.WITH_GEOMETRY, true);
        Path gpkg = dir.resolve("roads.gpkg");
        try (FeatureWriter w = files.writer(gpkg, FeatureFormat.GPKG, RoadFeatures.SCHEMA, Map.of())) {
            w.write(RoadFeatures.toFeature(a580, 1));
        }
        // the layer's extent is the data's, so GIS tools zoom to it
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + gpkg);
             var rs = c.createStatement().executeQuery("SELECT min_x, max_y, srs_id FROM gpkg_contents WHERE table_name = 'roads'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getDouble(1)).isEqualTo(-2.85);
            assertThat(rs.getDouble(2)).isEqualTo(53.485);
            assertThat(rs.getInt(3)).isEqualTo(4326);
        }
        List<RoadSegment> back = new ArrayList<>();
        ReadSummary s = read(gpkg, RoadFeatures.mapper("roads.gpkg"), back);
        assertThat(s.complete()).as(s.describe()).isTrue();
        assertThat(back).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("r1");
            assertThat(r.roadClass()).isEqualTo(RoadClass.A_ROAD);
            assertThat(r.roadNumber()).isEqualTo("A580");
            assertThat(r.name()).isEqualTo("East Lancashire Road");
            assertThat(r.direction()).isEqualTo(TravelDirection.WITH_GEOMETRY);
            assertThat(r.approximate()).isTrue();
            assertThat(r.geometry().equalsExact(a580.geometry(), 1e-9)).isTrue();
        });
    }

    @Test
    void geoJsonAndCsvRoundTripsKeepCamerasAndSites() throws Exception {
        Path csv = Files.writeString(dir.resolve("estate.csv"), """
                id,unit_id,kind,azimuth_degrees,longitude,latitude,deployment
                ANPR-1,U1,anpr,95,-2.8501,53.4702,
                CCTV-1,,CCTV,400,-2.8402,53.4801,covert
                BAD-1,,radar,10,-2.8402,53.4801,
                """);
        List<Camera> cameras = new ArrayList<>();
        ReadSummary s = read(csv, CameraFeatures.mapper(), cameras);
        assertThat(cameras).extracting(c -> c.id().value()).containsExactly("ANPR-1", "CCTV-1");
        assertThat(cameras.get(1).azimuth().degrees()).isEqualTo(40.0);
        assertThat(cameras.get(0).kind()).isEqualTo(CameraKind.ANPR);
        assertThat(s.problems()).singleElement().hasToString("estate.csv:4: kind 'radar' must be ANPR or CCTV");

        Path geojson = dir.resolve("cameras.geojson");
        try (FeatureWriter w = files.writer(geojson, FeatureFormat.GEOJSON, CameraFeatures.SCHEMA, Map.of("attribution", "test"))) {
            for (Camera c : cameras) {
                w.write(CameraFeatures.toFeature(c, 0));
            }
        }
        List<Camera> back = new ArrayList<>();
        read(geojson, CameraFeatures.mapper(), back);
        assertThat(back).isEqualTo(cameras);

        Path out = dir.resolve("cameras.csv");
        try (FeatureWriter w = files.writer(out, FeatureFormat.CSV, CameraFeatures.SCHEMA, Map.of())) {
            for (Camera c : cameras) {
                w.write(CameraFeatures.toFeature(c, 0));
            }
        }
        List<Camera> fromCsv = new ArrayList<>();
        read(out, CameraFeatures.mapper(), fromCsv);
        assertThat(fromCsv).isEqualTo(cameras);
    }

    @Test
    void britishNationalGridColumnsAreConvertedToWgs84() throws Exception {
        // any grid point will do: the check is that the file's point comes back to the millimetre
        GridPoint blackpool = new GridPoint(331534.564, 431920.794);
        Path csv = Files.writeString(dir.resolve("sites.csv"), "id,easting,northing,cost_gbp,constraints\n"
                + "S1," + blackpool.eastingMetres() + "," + blackpool.northingMetres() + ",1500,pole available;power\n"
                + "S2,9999999,1,0,\n");
        List<CandidateSite> sites = new ArrayList<>();
        ReadSummary s = read(csv, CandidateSiteFeatures.mapper(), sites);
        assertThat(sites).singleElement().satisfies(site -> {
            assertThat(site.constraints()).containsExactlyInAnyOrder(SiteConstraint.POLE_AVAILABLE, SiteConstraint.POWER_AVAILABLE);
            assertThat(site.costGbp()).isEqualTo(1500.0);
            GridPoint back = projections.britishNationalGrid().project(site.position());
            assertThat(back.distanceMetres(blackpool)).isLessThan(0.001);
        });
        assertThat(s.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("outside British National Grid"));
    }

    @Test
    void aPointCsvThatBreaksOffKeepsTheRowsBeforeTheBreakAndSaysWhere() throws Exception {
        String rows = "id,longitude,latitude,cost_gbp\nS1,-2.85,53.42,100\nS2,-2.84,53.43,200\n";
        Path unclosed = Files.writeString(dir.resolve("unclosed.csv"), rows + "\"S3,-2.83,53.44,300\n");
        List<CandidateSite> sites = new ArrayList<>();
        ReadSummary s = read(unclosed, CandidateSiteFeatures.mapper(), sites);
        assertThat(sites).extracting(site -> site.id().value()).containsExactly("S1", "S2");
        assertThat(s.rowsRejected()).isEqualTo(1);
        assertThat(s.complete()).isFalse();
        assertThat(s.fileProblem().orElseThrow().reason()).isEqualTo("cannot read past line 4");

        StringBuilder many = new StringBuilder("id,longitude,latitude\n");
        for (int i = 0; i < 20_000; i++) {
            many.append("S").append(i).append(",-2.85,53.42\n");
        }
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(many.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        byte[] bytes = gz.toByteArray();
        Path truncated = Files.write(dir.resolve("sites.csv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        sites.clear();
        ReadSummary t = read(truncated, CandidateSiteFeatures.mapper(), sites);
        assertThat(sites).hasSizeBetween(1, 19_999);
        assertThat(t.rowsAccepted()).isEqualTo(sites.size());
        assertThat(t.fileProblem().orElseThrow().reason()).contains("ends unexpectedly").contains("rows before it were read");
    }

    @Test
    void filesOfUnknownTypeOrMissingAreReportedNotThrown() {
        ReadSummary unknown = read(dir.resolve("x.shp"), CandidateSiteFeatures.mapper(), new ArrayList<>());
        assertThat(unknown.fileProblem().orElseThrow().reason()).startsWith("unknown file type");
        ReadSummary missing = read(dir.resolve("x.geojson"), CandidateSiteFeatures.mapper(), new ArrayList<>());
        assertThat(missing.fileProblem().orElseThrow().reason()).startsWith("file not found");
    }
}
