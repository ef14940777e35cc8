package org.sightline.geo.crossing.adapter.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.config.GeoProperties;
import org.sightline.geo.crossing.domain.BoroughCrossing;
import org.sightline.geo.crossing.domain.CrossingFinder;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.http.GeoJsonResponses;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.domain.ArterialSelection;

/** {@code GET /api/geo/crossings?boundary=CODE}: where the arterial routes cross a stored boundary. */
@Controller("/api/geo/crossings")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CrossingController {

    private final BoundaryStore boundaries;
    private final RoadStore roads;
    private final CrossingFinder finder;
    private final ArterialSelection arterial;

    public CrossingController(BoundaryStore boundaries, RoadStore roads, CrossingFinder finder, GeoProperties properties) {
        this.boundaries = boundaries;
        this.roads = roads;
        this.finder = finder;
        this.arterial = properties.arterialSelection();
    }

    @Get(produces = {GeoJsonResponses.GEO_JSON, GeoJsonResponses.PROBLEM_JSON})
    public HttpResponse<byte[]> list(@QueryValue String boundary) {
        Optional<Boundary> b = boundaries.find(boundary);
        if (b.isEmpty()) {
            return GeoJsonResponses.problem(HttpStatus.NOT_FOUND, "Not found", "no boundary with code '" + boundary + "'");
        }
        var env = b.get().area().getEnvelopeInternal();
        // a little beyond the boundary, so segments that cross it are found whole
        env.expandBy(0.05);
        var segments = roads.list(Optional.of(BoundingBox.of(env)), Optional.of(arterial));
        List<GeoFeature> features = new ArrayList<>();
        for (BoroughCrossing c : finder.find(b.get(), arterial.routes(segments))) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("boundary_code", c.boundaryCode());
            p.put("road_number", c.roadNumber());
            p.put("route_name", c.routeName());
            p.put("segment_ids", c.segmentIds());
            p.put("inbound_bearing_degrees", Math.round(c.inboundBearing().degrees() * 10) / 10.0);
            p.put("inbound", c.inboundCompassPoint());
            p.put("flow", c.flow().name().toLowerCase(Locale.ROOT));
            features.add(new GeoFeature(features.size() + 1, Wgs84.point(c.position()), p));
        }
        return GeoJsonResponses.collection(features);
    }
}
