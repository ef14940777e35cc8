package org.sightline.geo.boundary.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;

/** {@code GET /api/geo/boundaries[?bbox=w,s,e,n]}: stored boundaries as GeoJSON. */
@Controller("/api/geo/boundaries")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BoundaryController {

    private final BoundaryStore store;

    public BoundaryController(BoundaryStore store) {
        this.store = store;
    }

    @Get(produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> list(@Nullable @QueryValue String bbox) {
        try {
            List<GeoFeature> features = new ArrayList<>();
            for (Boundary b : store.list(GeoJsonResponses.bbox(bbox))) {
                features.add(BoundaryFeatures.toFeature(b, features.size() + 1));
            }
            return GeoJsonResponses.collection(features);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }
}
