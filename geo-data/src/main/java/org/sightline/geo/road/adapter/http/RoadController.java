package org.sightline.geo.road.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sightline.geo.config.GeoProperties;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.ArterialRoute;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadSegment;

/**
 * {@code GET /api/geo/roads} (every stored segment) and {@code GET /api/geo/arterials} (segments of
 * the configured arterial routes, each with its route name), both with an optional bbox. Whole
 * networks are large, so a request without a bbox or over a wide one is refused.
 */
@Controller("/api/geo")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RoadController {

    /** Wider boxes than this (in degrees either way) must be narrowed; about 60 x 110 km in Britain. */
    static final double MAX_BBOX_DEGREES = 1.0;

    private final RoadStore store;
    private final ArterialSelection arterial;

    public RoadController(RoadStore store, GeoProperties properties) {
        this.store = store;
        this.arterial = properties.arterialSelection();
    }

    @Get(uri = "/roads", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> roads(@Nullable @QueryValue String bbox) {
        try {
            Optional<BoundingBox> box = GeoJsonResponses.bbox(bbox);
            if (box.isEmpty() || box.get().maxLon() - box.get().minLon() > MAX_BBOX_DEGREES
                    || box.get().maxLat() - box.get().minLat() > MAX_BBOX_DEGREES) {
                return GeoJsonResponses.badRequest("bbox is required for roads and may span at most "
                        + MAX_BBOX_DEGREES + " degree each way; /api/geo/arterials lists the arterial routes without one");
            }
            List<GeoFeature> features = new ArrayList<>();
            for (RoadSegment s : store.list(box, Optional.empty())) {
                features.add(RoadFeatures.toFeature(s, features.size() + 1));
            }
            return GeoJsonResponses.collection(features);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }

    @Get(uri = "/arterials", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> arterials(@Nullable @QueryValue String bbox) {
        try {
            List<GeoFeature> features = new ArrayList<>();
            for (ArterialRoute route : arterial.routes(store.list(GeoJsonResponses.bbox(bbox), Optional.of(arterial)))) {
                for (RoadSegment s : route.segments()) {
                    GeoFeature f = RoadFeatures.toFeature(s, features.size() + 1);
                    var props = new java.util.LinkedHashMap<>(f.properties());
                    props.put("route", route.name());
                    features.add(new GeoFeature(f.ordinal(), f.geometry(), props));
                }
            }
            return GeoJsonResponses.collection(features);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }
}
