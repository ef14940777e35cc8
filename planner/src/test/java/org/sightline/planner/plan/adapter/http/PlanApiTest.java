package org.sightline.planner.plan.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sightline.geo.crime.adapter.db.CrimeBulkLoad;
import org.sightline.geo.crime.adapter.db.CrimeStore;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.demo.DemoAreaLoader;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.testing.TestDatabase;

/**
 * The plan API on real PostGIS: the packaged demo area (boundary, cameras, surveyed sites) plus
 * crimes written here at two surveyed sites. Access control is the app's policy table; security is
 * off here so the resource itself is tested.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DemoAreaLoader demo;

    @Inject
    CrimeStore crimes;

    @Inject
    CandidateSiteStore sites;

    private final ObjectMapper json = new ObjectMapper();
    private PlanApiFixture api;
    private CandidateSite busy;
    private CandidateSite quiet;

    @Override
    public Map<String, String> getProperties() {
        return PlanApiFixture.properties();
    }

    @BeforeAll
    void load() {
        api = new PlanApiFixture(http);
        demo.load("knowsley");
        List<CandidateSite> all = sites.list(Optional.empty());
        busy = all.get(0);
        quiet = all.get(all.size() - 1);
        try (CrimeBulkLoad load = crimes.begin("plan-api-test")) {
            for (int i = 0; i < 31; i++) {
                load.accept(crime("Vehicle crime", "2019-0" + (1 + i % 9), busy.position()));
            }
            for (int i = 0; i < 54; i++) {
                load.accept(crime("Anti-social behaviour", "2019-1" + (i % 3), busy.position()));
            }
            for (int i = 0; i < 7; i++) {
                load.accept(crime("Burglary", "2019-05", quiet.position()));
            }
            load.accept(crime("Shoplifting", "2019-05", quiet.position()));
            load.finish();
        }
    }

    private static CrimeRecord crime(String type, String month, LonLat at) {
        return PlanApiFixture.crime(type, YearMonth.parse(month), at);
    }

    @Test
    void planPutsTheFirstCameraWhereTheCrimeIsAndExplainsIt() throws Exception {
        JsonNode plan = api.createPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"generateCandidates":false,
                 "camera":{"fovDegrees":30,"widthPx":1920,"dori":"detect"},"title":"test plan"}""");
        JsonNode first = plan.path("sites").get(0);
        assertThat(first.path("siteId").asText()).isEqualTo(busy.id().value());
        assertThat(first.path("recordsByType").path("Vehicle crime").asInt()).isEqualTo(31);
        assertThat(first.path("explanation").asText()).contains("54 ASB reports", "31 vehicle crimes", "12 months");
        // the quiet site's burglaries, seen from it or from a site no dearer (of equal gain, the cheaper is chosen)
        JsonNode second = plan.path("sites").get(1);
        assertThat(second.path("recordsByType").path("Burglary").asInt()).isEqualTo(7);
        assertThat(second.path("costGbp").asDouble()).isLessThanOrEqualTo(quiet.costGbp());
        assertThat(plan.path("curve").size()).isEqualTo(3);
        assertThat(plan.path("coveredShare").asDouble()).isGreaterThan(0.99);

        String id = plan.path("id").asText();
        JsonNode again = json.readTree(http.toBlocking().retrieve("/api/plans/" + id));
        assertThat(again.path("sites").get(0).path("siteId").asText()).isEqualTo(busy.id().value());
        String csv = http.toBlocking().retrieve("/api/plans/" + id + "/export?format=csv");
        assertThat(csv.lines().count()).isEqualTo(3);
        assertThat(csv).contains(busy.id().value());
        JsonNode sectors = json.readTree(http.toBlocking().retrieve("/api/plans/" + id + "/export?layer=sectors"));
        assertThat(sectors.path("features").get(0).path("geometry").path("type").asText()).isEqualTo("Polygon");
        String report = http.toBlocking().retrieve("/api/plans/" + id + "/report");
        assertThat(report).contains("<svg class=\"report-map\"", "<polygon", "54 ASB reports", "<polyline").doesNotContain("<script");
        byte[] gpkg = http.toBlocking().retrieve(HttpRequest.GET("/api/plans/" + id + "/export?format=gpkg"), byte[].class);
        assertThat(new String(gpkg, 0, 15, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("SQLite format 3");
    }

    @Test
    void aJobStreamsItsProgressAndEndsWithThePlanId() throws Exception {
        HttpResponse<String> started = http.toBlocking().exchange(HttpRequest.POST("/api/planning/jobs", """
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"generateCandidates":false}"""), String.class);
        assertThat(started.getStatus().getCode()).isEqualTo(202);
        String events = json.readTree(started.body()).path("events").asText();
        String stream = http.toBlocking().retrieve(HttpRequest.GET(events)
                .accept(io.micronaut.http.MediaType.TEXT_EVENT_STREAM_TYPE), String.class);
        assertThat(stream).contains("event: done").contains("\"planId\"");
        String planId = stream.replaceAll("(?s).*\"planId\":\"([0-9a-f-]{36})\".*", "$1");
        JsonNode plan = json.readTree(http.toBlocking().retrieve("/api/plans/" + planId));
        assertThat(plan.path("sites").size()).isEqualTo(2);
        HttpClientResponseException bad = (HttpClientResponseException) org.assertj.core.api.Assertions.catchThrowable(() ->
                http.toBlocking().exchange(HttpRequest.POST("/api/planning/jobs", """
                        {"boundary":"E08000011","months":"2019-01..2019-12"}"""), String.class));
        assertThat(bad.getStatus().getCode()).isEqualTo(400);
    }

    @Test
    void exactSolverReportsItsBoundAndGap() throws Exception {
        JsonNode plan = api.createPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":1,"solver":"exact","timeLimitSeconds":10,
                 "generateCandidates":false}""");
        assertThat(plan.path("solver").asText()).contains("SCIP");
        assertThat(plan.path("gap").asDouble()).isLessThanOrEqualTo(0.001);
        assertThat(plan.path("upperBoundShare").asDouble()).isGreaterThanOrEqualTo(plan.path("coveredShare").asDouble());
        assertThat(plan.path("sites").get(0).path("siteId").asText()).isEqualTo(busy.id().value());
    }

    @Test
    void badInputIsAProblemThatSaysWhatToChange() throws Exception {
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"crimeTypes":{"Jaywalking":1}}""")
                .path("detail").asText()).contains("unknown crime type 'Jaywalking'");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"camera":{"fovDegrees":360}}""")
                .path("detail").asText()).contains("fixed camera");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"camera":{"fovDegrees":0}}""")
                .path("detail").asText()).contains("field of view");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2015-01..2015-12","cameras":2}""")
                .path("detail").asText()).contains("no crimes");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","budgetGbp":1,"generateCandidates":false}""")
                .path("detail").asText()).contains("below the cheapest site");
        assertThat(api.refusedPlan("""
                {"boundary":"NOWHERE","months":"2019-01..2019-12","cameras":2}""")
                .path("detail").asText()).contains("no stored boundary");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"budgetGbp":5000}""")
                .path("detail").asText()).contains("not both");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-13..2019-12","cameras":2}""")
                .path("detail").asText()).contains("2018-01..2019-12");
    }

    @Test
    void anprCordonLocksTheExistingCamerasAndListsWhatABudgetLeavesOpen() throws Exception {
        JsonNode full = json.readTree(http.toBlocking().retrieve("/api/planning/cordon?boundary=E08000011"));
        assertThat(full.path("crossings").asInt()).isGreaterThan(3);
        assertThat(full.path("coveredByExisting").size()).isGreaterThan(0);
        assertThat(full.path("uncovered").size()).isZero();
        assertThat(full.path("proven").asBoolean()).isTrue();
        int sites = full.path("sites").size();
        assertThat(sites).isGreaterThan(0).isLessThanOrEqualTo(full.path("crossings").asInt());
        JsonNode one = json.readTree(http.toBlocking().retrieve("/api/planning/cordon?boundary=E08000011&budgetGbp=25000"));
        assertThat(one.path("sites").size()).isEqualTo(1);
        assertThat(one.path("uncovered").size()).isGreaterThan(0);
        assertThatThrownBy(() -> http.toBlocking().retrieve("/api/planning/cordon?boundary=E08000011&budgetGbp=10"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }

    @Test
    void reviewRanksTheEstateAndRedeploymentMovesIdleCamerasToTheCrime() throws Exception {
        JsonNode review = json.readTree(http.toBlocking().retrieve(
                "/api/planning/review?boundary=E08000011&months=2019-01..2019-12"));
        JsonNode cams = review.path("cameras");
        assertThat(cams.size()).isBetween(30, 45);
        assertThat(cams.findValuesAsText("quiet")).contains("true");
        assertThat(review.path("moves").size()).isGreaterThan(0);
        assertThat(review.path("moves").get(0).path("explanation").asText()).contains("gains");
        String a = cams.get(0).path("id").asText();
        String b = cams.get(1).path("id").asText();
        HttpResponse<String> r = http.toBlocking().exchange(HttpRequest.POST("/api/planning/redeploy",
                "{\"boundary\":\"E08000011\",\"months\":\"2019-10..2019-12\",\"cameraIds\":[\"" + a + "\",\"" + b + "\"]}"),
                String.class);
        JsonNode plan = json.readTree(r.body());
        assertThat(plan.path("instructions").size()).isEqualTo(2);
        assertThat(plan.path("instructions").get(0).path("stay").asBoolean()).isFalse();
        assertThat(plan.path("instructions").get(0).path("gainShare").asDouble()).isGreaterThan(0);
        assertThatThrownBy(() -> http.toBlocking().exchange(HttpRequest.POST("/api/planning/redeploy",
                "{\"boundary\":\"E08000011\",\"months\":\"2019-10..2019-12\",\"cameraIds\":[\"nope\"]}"), String.class))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
    }

    @Test
    void hotspotLayersAreGeoJsonAndUnknownPlansAreNotFound() throws Exception {
        JsonNode kde = json.readTree(http.toBlocking().retrieve("/api/hotspots/kde?boundary=E08000011&months=2019-01..2019-12"));
        assertThat(kde.path("type").asText()).isEqualTo("FeatureCollection");
        assertThat(kde.path("features").size()).isGreaterThan(0);
        JsonNode existing = json.readTree(http.toBlocking().retrieve("/api/planning/existing-coverage?dori=observe"));
        assertThat(existing.path("features").size()).isBetween(30, 45);
        assertThat(existing.path("features").get(0).path("geometry").path("type").asText()).isEqualTo("Polygon");
        JsonNode options = json.readTree(http.toBlocking().retrieve("/api/planning/options"));
        assertThat(options.path("lastMonth").asText()).isEqualTo("2019-12");
        assertThat(options.path("priorities").size()).isEqualTo(8);
        JsonNode gi = json.readTree(http.toBlocking().retrieve("/api/hotspots/gi-star?boundary=E08000011&months=2019-01..2019-12"));
        assertThat(gi.path("method").asText()).contains("Benjamini-Hochberg");
        assertThatThrownBy(() -> http.toBlocking().retrieve("/api/hotspots/heat?boundary=E08000011&months=2019-01..2019-12"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(400));
        assertThatThrownBy(() -> http.toBlocking().retrieve("/api/plans/00000000-0000-0000-0000-000000000000"))
                .isInstanceOfSatisfying(HttpClientResponseException.class, e -> assertThat(e.getStatus().getCode()).isEqualTo(404));
    }

    @Test
    void theSiteFilterKeepsSurveyedSitesWithTheFactsAndThePlanRecordsAndComparesIt() throws Exception {
        assertThat(busy.constraints()).as("the demo's first site has a pole but no power")
                .contains(SiteConstraint.POLE_AVAILABLE).doesNotContain(SiteConstraint.POWER_AVAILABLE);
        JsonNode any = api.createPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":1,"generateCandidates":false,"title":"any site"}""");
        assertThat(any.path("sites").get(0).path("siteId").asText()).isEqualTo(busy.id().value());
        // a powered pole 40 m from the quiet site, dearer than it, so that the other tests' plans do not change
        var bng = new org.sightline.geo.crs.ProjectionService().britishNationalGrid();
        var q = bng.project(quiet.position());
        sites.upsert(List.of(new CandidateSite(new org.sightline.geo.site.domain.SiteId("test-powered-pole"),
                bng.unproject(new org.sightline.geo.crs.GridPoint(q.eastingMetres() + 40, q.northingMetres())),
                quiet.costGbp() + 10_000, java.util.Set.of(SiteConstraint.POLE_AVAILABLE, SiteConstraint.POWER_AVAILABLE),
                "test")), "test");
        JsonNode filtered = api.createPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":1,"generateCandidates":false,
                 "title":"pole and power","requiredConstraints":["pole","POWER_AVAILABLE"],
                 "excludedConstraints":["needs-permission"]}""");
        String chosen = filtered.path("sites").get(0).path("siteId").asText();
        CandidateSite site = sites.list(Optional.empty()).stream().filter(s -> s.id().value().equals(chosen)).findFirst()
                .orElseThrow();
        assertThat(site.constraints()).contains(SiteConstraint.POLE_AVAILABLE, SiteConstraint.POWER_AVAILABLE)
                .doesNotContain(SiteConstraint.NEEDS_PERMISSION);
        long admissible = sites.list(Optional.empty()).stream().filter(s -> s.constraints().contains(SiteConstraint.POLE_AVAILABLE)
                && s.constraints().contains(SiteConstraint.POWER_AVAILABLE)
                && !s.constraints().contains(SiteConstraint.NEEDS_PERMISSION)).count();
        assertThat(filtered.path("candidates").asLong()).isPositive().isLessThanOrEqualTo(admissible)
                .isLessThan(any.path("candidates").asLong());
        assertThat(filtered.path("notes").get(0).asText())
                .matches("\\d+ of \\d+ surveyed sites dropped by the site filter \\(with pole and power; not needing "
                        + "permission\\): \\d+ no pole, \\d+ no power, \\d+ needs permission");
        assertThat(filtered.path("candidateSites").asText())
                .isEqualTo("only surveyed sites with pole and power; not needing permission");

        String id = filtered.path("id").asText();
        JsonNode stored = json.readTree(http.toBlocking().retrieve("/api/plans/" + id));
        assertThat(stored.path("requiredConstraints").toString()).isEqualTo("[\"POLE_AVAILABLE\",\"POWER_AVAILABLE\"]");
        assertThat(stored.path("excludedConstraints").toString()).isEqualTo("[\"NEEDS_PERMISSION\"]");
        JsonNode compared = json.readTree(http.toBlocking().retrieve("/api/plans/compare?ids=" + any.path("id").asText()
                + "," + id));
        assertThat(compared.path("plans").get(1).path("candidateSites").asText()).contains("with pole and power");
        assertThat(compared.path("notes").toString()).contains("the plans choose from different candidate sites "
                + "(only surveyed sites / only surveyed sites with pole and power; not needing permission)");
        assertThat(http.toBlocking().retrieve("/api/plans/" + id + "/report"))
                .contains("Candidate sites: only surveyed sites with pole and power; not needing permission.");
    }

    @Test
    void anUnknownSiteConstraintIsAProblemListingTheValidNames() throws Exception {
        String detail = api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"requiredConstraints":["streetlight"]}""")
                .path("detail").asText();
        assertThat(detail).contains("unknown required site constraint 'streetlight'", "POLE_AVAILABLE", "CONSERVATION_AREA");
        assertThat(api.refusedPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":2,"excludedConstraints":["power"],
                 "requiredConstraints":["power"]}""").path("detail").asText()).contains("both required and excluded");
    }

    @Test
    void namedHotspotsAreOutlinesWithTheirStreetAndTheReportTablesThem() throws Exception {
        JsonNode named = json.readTree(http.toBlocking().retrieve(
                "/api/hotspots/named?boundary=E08000011&months=2019-01..2019-12"));
        assertThat(named.path("type").asText()).isEqualTo("FeatureCollection");
        JsonNode first = named.path("features").get(0);
        assertThat(first.path("geometry").path("type").asText()).isIn("Polygon", "MultiPolygon");
        assertThat(first.path("properties").path("name").asText()).isEqualTo("Test Street");
        assertThat(first.path("properties").path("rank").asInt()).isEqualTo(1);
        assertThat(first.path("properties").path("records").asInt()).isGreaterThanOrEqualTo(85);
        assertThat(first.path("properties").path("area_km2").asDouble()).isPositive();
        assertThatThrownBy(() -> http.toBlocking().retrieve("/api/hotspots/named?boundary=E08000011&months=2019-01..2019-12"
                + "&types=Jaywalking")).isInstanceOfSatisfying(HttpClientResponseException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(400));

        JsonNode plan = api.createPlan("""
                {"boundary":"E08000011","months":"2019-01..2019-12","cameras":1,"generateCandidates":false}""");
        JsonNode hotspot = plan.path("hotspots").get(0);
        assertThat(hotspot.path("areaKm2").asDouble()).isCloseTo(hotspot.path("cells").asInt() * 0.0025,
                org.assertj.core.api.Assertions.within(1e-6));
        assertThat(hotspot.path("weightedDemand").asDouble()).isPositive();
        String report = http.toBlocking().retrieve("/api/plans/" + plan.path("id").asText() + "/report");
        assertThat(report).contains("<h2>Hotspots</h2>", "<table class=\"units hotspot-table\">", "<td>Test Street</td>",
                String.format(java.util.Locale.ROOT, "<td>%.2f km²</td>", hotspot.path("areaKm2").asDouble()),
                String.format(java.util.Locale.ROOT, "<td>%.0f %%</td></tr>", 100 * hotspot.path("coveredShare").asDouble()));
    }
}
