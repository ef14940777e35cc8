package org.sightline.geo.camera.adapter.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.authentication.Authentication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.RoadsideUnit;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;

/**
 * {@code GET /api/geo/cameras} and {@code GET /api/geo/units} with an optional bbox. Covert
 * cameras are listed only to users cleared for covert equipment.
 */
@Controller("/api/geo")
public class CameraController {

    private final CameraStore store;

    public CameraController(CameraStore store) {
        this.store = store;
    }

    @Get(uri = "/cameras", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> cameras(@Nullable @QueryValue String bbox, HttpRequest<?> request) {
        try {
            boolean covert = request.getUserPrincipal(Authentication.class)
                    .map(a -> Boolean.TRUE.equals(a.getAttributes().get(GeoJsonResponses.COVERT_CLEARED_ATTRIBUTE)))
                    .orElse(false);
            List<GeoFeature> features = new ArrayList<>();
            for (Camera c : store.list(GeoJsonResponses.bbox(bbox), covert)) {
                features.add(CameraFeatures.toFeature(c, features.size() + 1));
            }
            return GeoJsonResponses.collection(features);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }

    @Get(uri = "/units", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> units(@Nullable @QueryValue String bbox) {
        try {
            List<GeoFeature> features = new ArrayList<>();
            for (RoadsideUnit u : store.listUnits(GeoJsonResponses.bbox(bbox))) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", u.id().value());
                p.put("name", u.name());
                p.put("status", u.status().name().toLowerCase(java.util.Locale.ROOT));
                p.put("camera_count", u.cameraIds().size());
                features.add(new GeoFeature(features.size() + 1, Wgs84.point(u.position()), p));
            }
            return GeoJsonResponses.collection(features);
        } catch (IllegalArgumentException e) {
            return GeoJsonResponses.badRequest(e.getMessage());
        }
    }
}
