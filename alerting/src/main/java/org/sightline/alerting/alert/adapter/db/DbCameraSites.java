package org.sightline.alerting.alert.adapter.db;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.sightline.alerting.AlertingProperties;
import org.sightline.alerting.alert.domain.CameraSite;
import org.sightline.alerting.alert.domain.CameraSites;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.CameraRouteAssigner;
import org.sightline.geo.camera.domain.RouteAssignment;
import org.sightline.geo.config.GeoProperties;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.domain.RoadSegment;

/**
 * Camera sites from the geo-data estate: cameras, arterial road segments and the borough
 * boundary, assigned with geo-data's {@link CameraRouteAssigner}. Computed once and refreshed
 * every few minutes (the estate changes rarely); thread-safe.
 */
@Singleton
public class DbCameraSites implements CameraSites {

    private static final Duration REFRESH = Duration.ofMinutes(5);
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final CameraStore cameras;
    private final RoadStore roads;
    private final BoundaryStore boundaries;
    private final ProjectionService projections;
    private final GeoProperties geo;
    private final AlertingProperties config;
    private volatile Map<String, CameraSite> sites;
    private volatile long loadedAtNanos;

    public DbCameraSites(CameraStore cameras, RoadStore roads, BoundaryStore boundaries, ProjectionService projections,
                         GeoProperties geo, AlertingProperties config) {
        this.cameras = cameras;
        this.roads = roads;
        this.boundaries = boundaries;
        this.projections = projections;
        this.geo = geo;
        this.config = config;
    }

    @Override
    public Optional<CameraSite> find(String cameraId) {
        Map<String, CameraSite> s = sites;
        if (s == null || System.nanoTime() - loadedAtNanos > REFRESH.toNanos()) {
            s = reload();
        }
        return Optional.ofNullable(s.get(cameraId));
    }

    /** Reloads the estate now (after an estate import, and in tests). */
    public synchronized Map<String, CameraSite> reload() {
        List<Camera> all = cameras.list(Optional.empty(), true);
        List<RoadSegment> arterial = roads.list(Optional.empty(), Optional.of(geo.arterialSelection()));
        Map<String, RoadSegment> segments = new HashMap<>();
        arterial.forEach(r -> segments.put(r.id(), r));
        Optional<Boundary> borough = borough(all);
        Map<String, CameraSite> out = new HashMap<>();
        CameraRouteAssigner assigner = borough.isPresent() && !arterial.isEmpty()
                ? new CameraRouteAssigner(projections, borough.get(), arterial, geo.cameraRouteToleranceMetres()) : null;
        for (Camera c : all) {
            Optional<String> route = Optional.empty();
            CameraSite.Direction direction = CameraSite.Direction.UNDETERMINED;
            if (assigner != null && c.kind() == CameraKind.ANPR) {
                RouteAssignment a = assigner.assign(c);
                route = a.segmentId().map(segments::get).map(DbCameraSites::label);
                direction = switch (a.facing()) {
                    case INBOUND -> CameraSite.Direction.INBOUND;
                    case OUTBOUND -> CameraSite.Direction.OUTBOUND;
                    default -> CameraSite.Direction.UNDETERMINED;
                };
            }
            out.put(c.id().value(), new CameraSite(c.id().value(), route, direction, c.position().lonDegrees(),
                    c.position().latDegrees()));
        }
        sites = Map.copyOf(out);
        loadedAtNanos = System.nanoTime();
        return sites;
    }

    private Optional<Boundary> borough(List<Camera> all) {
        if (!config.boroughCode().isBlank()) {
            return boundaries.find(config.boroughCode());
        }
        return boundaries.list(Optional.empty()).stream().max(Comparator.comparingLong(b -> all.stream()
                .filter(c -> c.kind() == CameraKind.ANPR)
                .filter(c -> b.area().contains(WGS84.createPoint(new Coordinate(c.position().lonDegrees(),
                        c.position().latDegrees())))).count()));
    }

    private static String label(RoadSegment s) {
        if (s == null) {
            return "arterial route";
        }
        String number = s.roadNumber();
        String name = s.name() == null ? "" : s.name().strip();
        if (number.isEmpty()) {
            return name.isEmpty() ? s.id() : name;
        }
        return name.isEmpty() || name.equalsIgnoreCase(number) ? number : number + " " + name;
    }
}
