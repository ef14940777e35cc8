package org.sightline.planner.plan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.crime.adapter.db.CrimeBulkLoad;
import org.sightline.geo.crime.adapter.db.CrimeStore;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.demo.DemoAreaLoader;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CandidateGenerator;
import org.sightline.platform.audit.AuditLog;

/**
 * Building layers, scenario comparison and junction candidates on real PostGIS with the packaged
 * demo area. Crimes of 2017 are written here, 50 m from the surveyed site that stands furthest from
 * every other site and camera, so that only that site can see them; the synthetic building is a
 * block between the two, built at run time from the site's position.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanScenarioApiTest implements TestPropertyProvider {

    private static final String MONTHS = "2017-01..2017-12";

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DemoAreaLoader demo;

    @Inject
    CrimeStore crimes;

    @Inject
    CandidateSiteStore sites;

    @Inject
    CameraStore cameras;

    @Inject
    RoadStore roads;

    @Inject
    BoundaryStore boundaries;

    @Inject
    AuditLog audit;

    private final ObjectMapper json = new ObjectMapper();
    private PlanApiFixture api;
    private final MetricProjection bng = new ProjectionService().britishNationalGrid();
    private CandidateSite lonely;
    private GridPoint crimeAt;

    @Override
    public Map<String, String> getProperties() {
        return PlanApiFixture.properties();
    }

    @BeforeAll
    void load() {
        api = new PlanApiFixture(http);
        demo.load("knowsley");
        List<CandidateSite> all = sites.list(Optional.empty());
        List<GridPoint> others = new ArrayList<>();
        all.forEach(s -> others.add(bng.project(s.position())));
        cameras.list(Optional.empty(), false).forEach(c -> others.add(bng.project(c.position())));
        lonely = all.stream().max(Comparator.comparingDouble(s -> nearestOther(bng.project(s.position()), others))).orElseThrow();
        GridPoint s = bng.project(lonely.position());
        assertThat(nearestOther(s, others)).as("the lonely site is far from every other").isGreaterThan(300);
        crimeAt = new GridPoint(s.eastingMetres(), s.northingMetres() + 50);
        try (CrimeBulkLoad load = crimes.begin("plan-scenario-test")) {
            for (int i = 0; i < 12; i++) {
                load.accept(PlanApiFixture.crime("Vehicle crime", YearMonth.of(2017, 1 + i), bng.unproject(crimeAt)));
            }
            load.finish();
        }
    }

    private static double nearestOther(GridPoint p, List<GridPoint> all) {
        double best = Double.POSITIVE_INFINITY;
        for (GridPoint q : all) {
            double d = Math.hypot(q.eastingMetres() - p.eastingMetres(), q.northingMetres() - p.northingMetres());
            if (d > 0.5) {
                best = Math.min(best, d);
            }
        }
        return best;
    }

    /** A 40 m × 10 m block 20–30 m north of the lonely site, between it and the crimes, as GeoJSON. */
    private String blockGeoJson() {
        GridPoint s = bng.project(lonely.position());
        double[][] corners = {{-20, 20}, {20, 20}, {20, 30}, {-20, 30}, {-20, 20}};
        List<String> ring = new ArrayList<>();
        for (double[] c : corners) {
            LonLat p = bng.unproject(new GridPoint(s.eastingMetres() + c[0], s.northingMetres() + c[1]));
            ring.add(String.format(Locale.ROOT, "[%.8f,%.8f]", p.lonDegrees(), p.latDegrees()));
        }
        return "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"building\":\"yes\"},"
                + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + String.join(",", ring) + "]]}},"
                + "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":"
                + "[[-2.85,53.43],[-2.84,53.43]]}}]}";
    }

    private HttpResponse<String> upload(String fileName, String content) {
        MultipartBody body = MultipartBody.builder()
                .addPart("file", fileName, MediaType.of("application/geo+json"), content.getBytes(StandardCharsets.UTF_8))
                .addPart("name", "test block")
                .build();
        return http.toBlocking().exchange(HttpRequest.POST("/api/planning/building-layers", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE), String.class);
    }

    /** A one-camera plan of the test's crimes on listed sites only, with {@code extra} members of the request. */
    private JsonNode plan(String extra) throws Exception {
        return api.createPlan("{\"boundary\":\"E08000011\",\"months\":\"" + MONTHS + "\",\"cameras\":1,"
                + "\"generateCandidates\":false,\"crimeTypes\":{\"Vehicle crime\":1}" + extra + "}");
    }

    @Test
    void aStoredBuildingLayerHidesCrimeBehindABuildingAndPlansCompareSideBySide() throws Exception {
        HttpResponse<String> stored = upload("block.geojson", blockGeoJson());
        assertThat(stored.getStatus().getCode()).isEqualTo(201);
        JsonNode layer = json.readTree(stored.body());
        assertThat(layer.path("footprints").asInt()).isEqualTo(1);
        assertThat(layer.path("rejected").asInt()).as("the line is rejected, the polygon kept").isEqualTo(1);
        assertThat(layer.path("problems").get(0).asText()).contains("not a polygon (LineString)").contains("block.geojson");
        HttpResponse<String> again = upload("copy-of-block.geojson", blockGeoJson());
        assertThat(again.getStatus().getCode()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("id").asText()).isEqualTo(layer.path("id").asText());
        JsonNode list = json.readTree(http.toBlocking().retrieve("/api/planning/building-layers"));
        assertThat(list.findValuesAsText("id")).contains(layer.path("id").asText());
        LonLat site = lonely.position();
        String box = String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", site.lonDegrees() - 0.002, site.latDegrees() - 0.002,
                site.lonDegrees() + 0.002, site.latDegrees() + 0.002);
        JsonNode near = json.readTree(http.toBlocking().retrieve("/api/planning/building-layers/" + layer.path("id").asText()
                + "/footprints?bbox=" + box));
        assertThat(near.path("features").size()).isEqualTo(1);
        assertThat(near.path("features").get(0).path("geometry").path("type").asText()).isEqualTo("Polygon");
        assertThat(api.problemDetail(() -> http.toBlocking().retrieve("/api/planning/building-layers/" + layer.path("id").asText()
                + "/footprints?bbox=-3,53,-2.8,53.2"))).contains("zoom in");

        JsonNode open = plan(",\"title\":\"open ground\"");
        assertThat(open.path("sites").get(0).path("siteId").asText()).isEqualTo(lonely.id().value());
        assertThat(open.path("sites").get(0).path("explanation").asText()).contains("12 vehicle crimes");
        assertThat(open.path("occlusion").asText()).contains("open ground");

        JsonNode built = plan(",\"title\":\"with buildings\",\"buildingLayer\":\"" + layer.path("id").asText() + "\"");
        assertThat(built.path("occlusion").asText()).isEqualTo("1 building footprint from layer 'test block' blocks the view");
        assertThat(built.path("sites").size()).as("the block hides the only crime from the only site that reached it")
                .isZero();
        assertThat(built.path("notes").get(0).asText()).contains("no new camera adds coverage");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.event().action() + " " + e.event().target()));
        assertThat(actions).contains("planner.buildings.import " + layer.path("id").asText(),
                "planner.plan.create " + built.path("id").asText());

        JsonNode cmp = json.readTree(http.toBlocking().retrieve("/api/plans/compare?ids=" + open.path("id").asText()
                + "," + built.path("id").asText()));
        assertThat(cmp.path("plans").size()).isEqualTo(2);
        assertThat(cmp.path("plans").get(0).path("key").asText()).isEqualTo("A");
        assertThat(cmp.path("plans").get(0).path("cameras").asInt()).isEqualTo(1);
        assertThat(cmp.path("plans").get(0).path("costGbp").asDouble()).isEqualTo(lonely.costGbp());
        assertThat(cmp.path("plans").get(1).path("cameras").asInt()).isZero();
        assertThat(cmp.path("plans").get(0).path("curve").size()).isEqualTo(2);
        assertThat(cmp.path("plans").get(0).path("sites").get(0).path("sector").size()).isGreaterThan(3);
        JsonNode vehicle = cmp.path("crimeTypes").get(0);
        assertThat(vehicle.path("type").asText()).isEqualTo("Vehicle crime");
        assertThat(vehicle.path("plans").get(0).path("added").asInt()).isEqualTo(12);
        assertThat(vehicle.path("plans").get(1).path("added").asInt()).isZero();
        assertThat(cmp.path("notes").toString()).contains("treat buildings differently");

        JsonNode recent = json.readTree(http.toBlocking().retrieve("/api/plans"));
        JsonNode first = recent.findParents("id").stream().filter(n -> n.path("id").asText().equals(open.path("id").asText()))
                .findFirst().orElseThrow();
        assertThat(first.path("sites").asInt()).isEqualTo(1);
        assertThat(first.path("months").asText()).isEqualTo(MONTHS);
    }

    @Test
    void existingCameraSectorsAreCutAtTheBuildingsOfAChosenLayer() throws Exception {
        var camera = cameras.list(Optional.empty(), false).stream()
                .filter(c -> c.kind() == org.sightline.geo.camera.domain.CameraKind.CCTV
                        && c.horizontalFovDegrees() < 360).findFirst().orElseThrow();
        GridPoint at = bng.project(camera.position());
        double a = Math.toRadians(camera.azimuth().degrees());
        List<String> ring = new ArrayList<>();
        for (double[] c : new double[][] {{20, -20}, {20, 20}, {28, 20}, {28, -20}, {20, -20}}) {
            LonLat p = bng.unproject(new GridPoint(at.eastingMetres() + c[0] * Math.sin(a) + c[1] * Math.cos(a),
                    at.northingMetres() + c[0] * Math.cos(a) - c[1] * Math.sin(a)));
            ring.add(String.format(Locale.ROOT, "[%.8f,%.8f]", p.lonDegrees(), p.latDegrees()));
        }
        String layer = json.readTree(upload("wall.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                + "\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[["
                + String.join(",", ring) + "]]}}]}").body()).path("id").asText();
        double open = sectorArea(json.readTree(http.toBlocking().retrieve("/api/planning/existing-coverage")), camera.id().value());
        double cut = sectorArea(json.readTree(http.toBlocking().retrieve("/api/planning/existing-coverage?buildingLayer=" + layer)),
                camera.id().value());
        assertThat(cut).isLessThan(0.5 * open).isPositive();
        assertThat(api.problemDetail(() -> http.toBlocking().retrieve("/api/planning/existing-coverage?buildingLayer=nope")))
                .contains("no stored building layer 'nope'");
    }

    /** Area (in square degrees: enough to compare) of one camera's sector in an existing-coverage answer. */
    private static double sectorArea(JsonNode fc, String cameraId) {
        for (JsonNode f : fc.path("features")) {
            if (f.path("properties").path("id").asText().equals(cameraId)) {
                JsonNode ring = f.path("geometry").path("coordinates").get(0);
                double sum = 0;
                for (int i = 0; i + 1 < ring.size(); i++) {
                    sum += ring.get(i).get(0).asDouble() * ring.get(i + 1).get(1).asDouble()
                            - ring.get(i + 1).get(0).asDouble() * ring.get(i).get(1).asDouble();
                }
                return Math.abs(sum) / 2;
            }
        }
        throw new AssertionError("no sector of camera " + cameraId);
    }

    @Test
    void badLayersAndComparisonsAreRefusedWithTheReason() throws Exception {
        assertThat(api.problemDetail(() -> upload("roads.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":"
                + "\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[-2.85,53.43],"
                + "[-2.84,53.43]]}}]}"))).contains("no building polygons in roads.geojson");
        assertThat(api.problemDetail(() -> upload("buildings.csv", "x,y\n1,2\n"))).contains(".geojson, .geojsonl or .gpkg");
        assertThat(api.problemDetail(() -> upload("broken.geojson", "{\"type\":\"FeatureCollection\",\"features\":[")))
                .contains("cannot read broken.geojson");
        assertThat(api.problemDetail(() -> http.toBlocking().exchange(HttpRequest.POST("/api/plans",
                "{\"boundary\":\"E08000011\",\"months\":\"" + MONTHS + "\",\"cameras\":1,\"buildingLayer\":\"nope\"}"),
                String.class))).contains("no stored building layer 'nope'");
        assertThat(api.problemDetail(() -> http.toBlocking().retrieve("/api/plans/compare?ids=x")))
                .contains("2 to 6 different plan ids");
        assertThat(PlanApiFixture.status(() -> http.toBlocking().retrieve("/api/plans/compare?ids=00000000-0000-0000-0000-000000000000,"
                + "00000000-0000-0000-0000-000000000001"))).isEqualTo(404);
    }

    @Test
    void theDemoRoadNetworkGivesJunctionCandidatesInsideTheBorough() {
        PreparedGeometry area = PreparedGeometryFactory.prepare(boundaries.find("E08000011").orElseThrow().area());
        CandidateGenerator generator = new CandidateGenerator(bng, 15_000);
        List<Candidate> junctions = generator.junctions(roads.list(Optional.empty(), Optional.empty())).stream()
                .filter(c -> area.covers(Wgs84.point(c.position()))).toList();
        assertThat(junctions).hasSizeGreaterThanOrEqualTo(5);
        assertThat(junctions).allSatisfy(c -> assertThat(c.source()).startsWith("road junction "));
        assertThat(junctions).extracting(Candidate::source)
                .contains("road junction M57 / M62", "road junction A57 / A58");
        List<Candidate> apart = CandidateGenerator.apartFrom(List.of(), junctions, 50);
        assertThat(apart.size()).isLessThan(junctions.size()).isPositive();
        for (Candidate a : apart) {
            for (Candidate b : apart) {
                if (a != b) {
                    assertThat(Math.hypot(a.at().eastingMetres() - b.at().eastingMetres(),
                            a.at().northingMetres() - b.at().northingMetres())).isGreaterThanOrEqualTo(50);
                }
            }
        }
    }
}
