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
import java.util.Optional;
import io.micronaut.http.HttpStatus;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.domain.CameraRouteAssigner;
import org.sightline.geo.camera.domain.RouteAssignment;
import org.sightline.geo.config.GeoProperties;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.RoadsideUnit;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;

/**
 * {@code GET /api/geo/cameras} and {@code GET /api/geo/units} with an optional bbox. Covert
 * cameras are listed only to users cleared for covert equipment. With {@code boundary=CODE} each
 * camera also carries its arterial route assignment: segment, road number, distance and whether
 * it reads inbound or outbound traffic ({@code off_route} beyond the configured tolerance).
 */
@Controller("/api/geo")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CameraController {

    private final CameraStore store;
    private final BoundaryStore boundaries;
    private final RoadStore roads;
    private final ProjectionService projections;
    private final GeoProperties properties;

    public CameraController(CameraStore store, BoundaryStore boundaries, RoadStore roads, ProjectionService projections,
                            GeoProperties properties) {
        this.store = store;
        this.boundaries = boundaries;
        this.roads = roads;
        this.projections = projections;
        this.properties = properties;
    }

    @Get(uri = "/cameras", produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> cameras(@Nullable @QueryValue String bbox, @Nullable @QueryValue String boundary,
                                        HttpRequest<?> request) {
        try {
            Optional<CameraRouteAssigner> assigner = Optional.empty();
            if (boundary != null) {
                Optional<Boundary> b = boundaries.find(boundary);
                if (b.isEmpty()) {
                    return GeoJsonResponses.problem(HttpStatus.NOT_FOUND, "Not found", "no boundary with code '" + boundary + "'");
                }
                var env = b.get().area().getEnvelopeInternal();
                env.expandBy(0.05);
                assigner = Optional.of(new CameraRouteAssigner(projections, b.get(),
                        roads.list(Optional.of(BoundingBox.of(env)), Optional.of(properties.arterialSelection())),
                        properties.cameraRouteToleranceMetres()));
            }
            boolean covert = request.getUserPrincipal(Authentication.class)
                    .map(a -> Boolean.TRUE.equals(a.getAttributes().get(GeoJsonResponses.COVERT_CLEARED_ATTRIBUTE)))
                    .orElse(false);
            List<GeoFeature> features = new ArrayList<>();
            for (Camera c : store.list(GeoJsonResponses.bbox(bbox), covert)) {
                GeoFeature f = CameraFeatures.toFeature(c, features.size() + 1);
                if (assigner.isPresent()) {
                    RouteAssignment a = assigner.get().assign(c);
                    Map<String, Object> p = new LinkedHashMap<>(f.properties());
                    p.put("route_segment_id", a.segmentId().orElse(null));
                    p.put("route_road_number", a.roadNumber().orElse(null));
                    p.put("route_distance_metres", a.distanceMetres().map(d -> Math.round(d * 10) / 10.0).orElse(null));
                    p.put("facing", a.facing().name().toLowerCase(java.util.Locale.ROOT));
                    f = new GeoFeature(f.ordinal(), f.geometry(), p);
                }
                features.add(f);
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
