package org.sightline.planner.plan.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.coverage.domain.DoriLevel;
import org.sightline.planner.coverage.domain.Occlusion;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.occlusion.application.BuildingLayers;
import org.sightline.planner.occlusion.domain.BuildingLayer;
import org.sightline.planner.plan.adapter.db.PlannerCrimeQuery;
import org.sightline.planner.siting.domain.SiteFilter;

/**
 * What the planner page needs besides plans: {@code GET /api/planning/options} (months with stored
 * crimes, crime types and defaults, DORI levels) and
 * {@code GET /api/planning/existing-coverage?dori=[&buildingLayer=ID]} (the overt CCTV estate's
 * coverage sectors at a DORI level, cut at the buildings of a stored layer when one is named, as
 * GeoJSON).
 */
@Controller("/api/planning")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlanOptionsController {

    private final PlannerCrimeQuery crimes;
    private final CameraStore cameras;
    private final BuildingLayers buildings;
    private final ObjectMapper json;
    private final ProjectionService projections = new ProjectionService();

    public PlanOptionsController(PlannerCrimeQuery crimes, CameraStore cameras, BuildingLayers buildings, ObjectMapper json) {
        this.crimes = crimes;
        this.cameras = cameras;
        this.buildings = buildings;
        this.json = json;
    }

    @Get(uri = "/options", produces = MediaType.APPLICATION_JSON)
    public MutableHttpResponse<byte[]> options() throws IOException {
        Optional<MonthRange> extent = crimes.monthExtent();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("firstMonth", extent.map(r -> r.first().toString()).orElse(null));
        out.put("lastMonth", extent.map(r -> r.last().toString()).orElse(null));
        YearMonth last = extent.map(MonthRange::last).orElse(YearMonth.now());
        YearMonth first = last.minusMonths(11);
        if (extent.isPresent() && first.isBefore(extent.get().first())) {
            first = extent.get().first();
        }
        out.put("defaultMonths", MonthRanges.format(new MonthRange(first, last)));
        out.put("crimeTypes", CrimeTypes.ALL);
        out.put("priorities", CrimeTypes.PRIORITIES);
        out.put("doriLevels", List.of("detect", "observe", "recognise", "identify"));
        List<Map<String, String>> constraints = new ArrayList<>();
        for (SiteConstraint c : SiteConstraint.values()) {
            constraints.add(Map.of("name", c.name(), "label", SiteFilter.label(c)));
        }
        out.put("siteConstraints", constraints);
        CameraSpec d = CameraSpec.typicalFixed();
        out.put("camera", Map.of("fovDegrees", d.horizontalFovDegrees(), "widthPx", d.widthPixels(),
                "mountHeightMetres", d.mountHeightMetres(), "ptz", d.ptz(), "dori", "detect"));
        return HttpResponse.ok(json.writeValueAsBytes(out)).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(uri = "/existing-coverage", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> existingCoverage(@Nullable @QueryValue String dori,
                                                        @Nullable @QueryValue String buildingLayer) {
        DoriLevel level;
        Optional<BuildingLayer> layer = Optional.empty();
        try {
            String text = dori == null ? "detect" : dori;
            level = DoriLevel.find(text).orElseThrow(() -> new IllegalArgumentException(
                    "dori must be detect, observe, recognise or identify, was '" + text + "'"));
            if (buildingLayer != null && !buildingLayer.isBlank()) {
                layer = Optional.of(buildings.find(buildingLayer).orElseThrow(() -> new IllegalArgumentException(
                        "no stored building layer '" + buildingLayer + "'")));
            }
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
        List<Camera> estate = cameras.list(Optional.empty(), false).stream()
                .filter(c -> c.kind() == CameraKind.CCTV && c.status() != EquipmentStatus.DECOMMISSIONED).toList();
        List<GeoFeature> features = new ArrayList<>();
        if (!estate.isEmpty()) {
            Envelope e = new Envelope();
            estate.forEach(c -> e.expandToInclude(c.position().lonDegrees(), c.position().latDegrees()));
            MetricProjection projection = projections.forArea(e);
            GeometryFactory metric = new GeometryFactory();
            List<CoverageSector> sectors = new ArrayList<>();
            for (Camera c : estate) {
                boolean allRound = c.horizontalFovDegrees() >= 360;
                CameraSpec spec = new CameraSpec(allRound ? 30 : c.horizontalFovDegrees(), c.resolution().widthPixels(),
                        c.mountHeightMetres(), allRound, level);
                sectors.add(CoverageSector.of(spec, projection.project(c.position()), c.azimuth().degrees()));
            }
            double reach = sectors.stream().mapToDouble(CoverageSector::radiusMetres).max().orElse(0);
            Occlusion occlusion = layer.map(l -> Occlusion.ofWgs84(buildings.footprintsAround(l, e, reach), projection))
                    .orElse(Occlusion.none());
            for (int k = 0; k < estate.size(); k++) {
                Camera c = estate.get(k);
                CoverageSector sector = sectors.get(k);
                Coordinate[] ring = sector.toVisiblePolygon(metric, occlusion.from(sector.apex(), sector.radiusMetres()))
                        .getCoordinates();
                Coordinate[] wgs = new Coordinate[ring.length];
                for (int i = 0; i < ring.length; i++) {
                    LonLat p = projection.unproject(new GridPoint(ring[i].x, ring[i].y));
                    wgs[i] = new Coordinate(p.lonDegrees(), p.latDegrees());
                }
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", c.id().value());
                p.put("azimuth_degrees", c.azimuth().degrees());
                p.put("range_metres", Math.round(sector.radiusMetres() * 10) / 10.0);
                p.put("status", c.status().name().toLowerCase(Locale.ROOT));
                features.add(new GeoFeature(features.size() + 1, Wgs84.FACTORY.createPolygon(wgs), p));
            }
        }
        return GeoJsonResponses.collection(features);
    }
}
