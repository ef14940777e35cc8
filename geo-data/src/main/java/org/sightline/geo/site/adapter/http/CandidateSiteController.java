package org.sightline.geo.site.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.adapter.file.CandidateSiteFeatures;
import org.sightline.geo.site.domain.CandidateSite;

/** {@code GET /api/geo/candidates[?bbox=w,s,e,n]}: candidate sites as GeoJSON. */
@Controller("/api/geo/candidates")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CandidateSiteController {

    private final CandidateSiteStore store;

    public CandidateSiteController(CandidateSiteStore store) {
        this.store = store;
    }

    @Get(produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> list(@Nullable @QueryValue String bbox) {
        try {
            List<GeoFeature> features = new ArrayList<>();
            for (CandidateSite s : store.list(GeoJsonResponses.bbox(bbox))) {
                features.add(CandidateSiteFeatures.toFeature(s, features.size() + 1));
            }
            return GeoJsonResponses.collection(features);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }
}
