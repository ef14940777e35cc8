package org.sightline.planner.hotspot.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandBuilder;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.hotspot.domain.GridLayer;
import org.sightline.planner.hotspot.domain.HotspotLayers;
import org.sightline.planner.hotspot.domain.Hotspots;
import org.sightline.planner.plan.adapter.db.PlannerCrimeQuery;

/**
 * {@code GET /api/hotspots/{layer}?boundary=CODE&months=2019-01..2019-12[&types=..][&cell=50][&bandwidth=0]}:
 * a hotspot layer ({@code kde}, {@code gi-star} or {@code near-repeat}) of a stored boundary's
 * crimes as a GeoJSON FeatureCollection of grid cells; and
 * {@code GET /api/hotspots/named?boundary=CODE&months=..[&types=..]}: the named hotspots a plan
 * explains itself by ({@link Hotspots}), one outline each, largest demand first.
 */
@Controller("/api/hotspots")
@ExecuteOn(TaskExecutors.BLOCKING)
public class HotspotController {

    private final BoundaryStore boundaries;
    private final PlannerCrimeQuery crimes;
    private final ProjectionService projections = new ProjectionService();

    public HotspotController(BoundaryStore boundaries, PlannerCrimeQuery crimes) {
        this.boundaries = boundaries;
        this.crimes = crimes;
    }

    @Get(uri = "/named", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> named(@Nullable @QueryValue String boundary, @Nullable @QueryValue String months,
                                             @Nullable @QueryValue String types) {
        MonthRange range;
        CrimeWeights weights;
        try {
            if (boundary == null || boundary.isBlank()) {
                throw new IllegalArgumentException("boundary is missing: give the code of a stored boundary");
            }
            range = MonthRanges.parse(months);
            weights = weights(types);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
        AreaCrimes found = areaCrimes(boundary, range, weights);
        if (found.problem() != null) {
            return found.problem();
        }
        MetricProjection projection = projections.forArea(found.area().area().getEnvelopeInternal());
        Demand demand = new DemandBuilder(projection).build(found.crimes(), DemandSpec.counts(weights, range));
        Hotspots hotspots = Hotspots.of(demand);
        List<GeoFeature> features = new ArrayList<>();
        for (int i = 0; i < hotspots.list().size(); i++) {
            Hotspots.Hotspot h = hotspots.list().get(i);
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("rank", h.rank());
            p.put("name", h.name());
            p.put("cells", h.cells());
            p.put("area_km2", Math.round(h.areaKm2() * 10_000) / 10_000.0);
            p.put("records", h.records());
            p.put("weighted_demand", Math.round(h.weight() * 1000) / 1000.0);
            p.put("demand_share", h.weight() / demand.totalWeight());
            p.put("centre_lon", Math.round(h.centre().lonDegrees() * 1e6) / 1e6);
            p.put("centre_lat", Math.round(h.centre().latDegrees() * 1e6) / 1e6);
            features.add(new GeoFeature(i, hotspots.outline(i), p));
        }
        return GeoJsonResponses.collection(features);
    }

    /** A boundary's crimes of the chosen types, or (problem not null) the answer saying why there are none. */
    private record AreaCrimes(Boundary area, List<CrimeRecord> crimes, MutableHttpResponse<byte[]> problem) {
    }

    private AreaCrimes areaCrimes(String boundary, MonthRange range, CrimeWeights weights) {
        Optional<Boundary> area = boundaries.find(boundary.strip());
        if (area.isEmpty()) {
            return new AreaCrimes(null, List.of(), GeoJsonResponses.problem(HttpStatus.NOT_FOUND, "Not found",
                    "no stored boundary with code '" + boundary + "'"));
        }
        List<CrimeRecord> found = crimes.find(area.get().area(), range, weights.types());
        if (found.isEmpty()) {
            return new AreaCrimes(area.get(), found, GeoJsonResponses.badRequest("no crimes of the chosen types in "
                    + MonthRanges.format(range) + " inside " + area.get().code()));
        }
        return new AreaCrimes(area.get(), found, null);
    }

    private static CrimeWeights weights(String types) {
        return types == null || types.isBlank() ? CrimeWeights.priorities()
                : CrimeWeights.equal(java.util.Arrays.stream(types.split(",")).map(CrimeTypes::require).toList());
    }

    @Get(uri = "/{layer}", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public MutableHttpResponse<byte[]> layer(@PathVariable String layer, @Nullable @QueryValue String boundary,
                                             @Nullable @QueryValue String months, @Nullable @QueryValue String types,
                                             @Nullable @QueryValue Double cell, @Nullable @QueryValue Double bandwidth) {
        MonthRange range;
        CrimeWeights weights;
        HotspotLayers.Settings settings;
        try {
            if (!List.of("kde", "gi-star", "near-repeat").contains(layer)) {
                throw new IllegalArgumentException("layer must be kde, gi-star or near-repeat, was '" + layer + "'");
            }
            if (boundary == null || boundary.isBlank()) {
                throw new IllegalArgumentException("boundary is missing: give the code of a stored boundary");
            }
            range = MonthRanges.parse(months);
            weights = weights(types);
            HotspotLayers.Settings d = HotspotLayers.Settings.defaults();
            settings = new HotspotLayers.Settings(cell == null ? d.cellMetres() : cell,
                    bandwidth == null ? d.kdeBandwidthMetres() : bandwidth, Math.max(d.giDistanceMetres(),
                    cell == null ? 0 : 3 * cell), d.falseDiscoveryRate(), d.nearRepeatBandwidthMetres(),
                    d.nearRepeatHalfLifeMonths(), d.nearRepeatMonths());
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
        AreaCrimes found = areaCrimes(boundary, range, weights);
        if (found.problem() != null) {
            return found.problem();
        }
        MetricProjection projection = projections.forArea(found.area().area().getEnvelopeInternal());
        Demand demand = new DemandBuilder(projection).build(found.crimes(), DemandSpec.counts(weights, range));
        HotspotLayers layers = new HotspotLayers(projection, settings);
        GridLayer grid = switch (layer) {
            case "kde" -> layers.kernelDensity(demand);
            case "gi-star" -> layers.getisOrd(demand);
            default -> layers.nearRepeat(demand, found.crimes(), range.last());
        };
        byte[] body = grid.toGeoJson(0.05).getBytes(StandardCharsets.UTF_8);
        return HttpResponse.ok(body).contentType(GeoJsonResponses.GEO_JSON);
    }
}
