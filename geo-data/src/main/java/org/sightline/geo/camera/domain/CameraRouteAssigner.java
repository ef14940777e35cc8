package org.sightline.geo.camera.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.domain.RoadSegment;

/**
 * Matches cameras to the nearest arterial segment within a tolerance and works out which traffic
 * they read (see {@link Facing}). The inbound direction along a road is the one in which the
 * distance into the borough grows. Prepared once per boundary and network; thread-safe.
 */
public final class CameraRouteAssigner {

    /** A camera looking more than this off the road's axis is looking across it. */
    static final double MAX_AXIS_DEVIATION_DEGREES = 60.0;

    /** How far along the road the inbound test looks either way. */
    private static final double PROBE_METRES = 50.0;

    /** Depth changes smaller than this over the probe mean the road runs parallel to the boundary. */
    private static final double MIN_DEPTH_CHANGE_METRES = 5.0;

    private final MetricProjection metric;
    private final Geometry area;
    private final PreparedGeometry preparedArea;
    private final Geometry outline;
    private final STRtree index = new STRtree();
    private final double toleranceMetres;

    /**
     * @param toleranceMetres how far a camera may stand from a segment (e.g. 30)
     */
    public CameraRouteAssigner(ProjectionService projections, Boundary borough, Collection<RoadSegment> arterialSegments,
                               double toleranceMetres) {
        if (!(toleranceMetres > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, was " + toleranceMetres);
        }
        this.toleranceMetres = toleranceMetres;
        this.metric = projections.forArea(borough.area().getEnvelopeInternal());
        this.area = metric.project(borough.area());
        this.preparedArea = PreparedGeometryFactory.prepare(area);
        this.outline = area.getBoundary();
        for (RoadSegment s : arterialSegments) {
            LineString line = (LineString) metric.project(s.geometry());
            index.insert(line.getEnvelopeInternal(), new Indexed(s, line));
        }
        index.build();
    }

    /** The assignment of every camera, in the given order. */
    public List<RouteAssignment> assign(Collection<Camera> cameras) {
        List<RouteAssignment> out = new ArrayList<>(cameras.size());
        for (Camera c : cameras) {
            out.add(assign(c));
        }
        return out;
    }

    /** The assignment of one camera. */
    public RouteAssignment assign(Camera camera) {
        GridPoint g = metric.project(camera.position());
        Point p = area.getFactory().createPoint(new Coordinate(g.eastingMetres(), g.northingMetres()));
        var search = p.getEnvelopeInternal();
        search.expandBy(toleranceMetres);
        Indexed best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Object o : index.query(search)) {
            Indexed candidate = (Indexed) o;
            double d = candidate.line.distance(p);
            if (d <= toleranceMetres && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null) {
            return RouteAssignment.offRoute(camera.id());
        }
        return new RouteAssignment(camera.id(), Optional.of(best.segment.id()),
                Optional.of(best.segment.roadNumber()).filter(n -> !n.isEmpty()), Optional.of(bestDistance),
                facing(camera.azimuth(), best.line, p.getCoordinate()));
    }

    private Facing facing(Bearing azimuth, LineString line, Coordinate at) {
        LengthIndexedLine indexed = new LengthIndexedLine(line);
        double pos = indexed.project(at);
        Coordinate a = indexed.extractPoint(Math.max(0, pos - 1));
        Coordinate b = indexed.extractPoint(Math.min(indexed.getEndIndex(), pos + 1));
        if (a.equals2D(b)) {
            return Facing.UNDETERMINED;
        }
        Bearing along = Bearing.between(new GridPoint(a.x, a.y), new GridPoint(b.x, b.y));
        double deviation = Math.min(azimuth.differenceDegrees(along), azimuth.differenceDegrees(along.reversed()));
        if (deviation > MAX_AXIS_DEVIATION_DEGREES) {
            return Facing.UNDETERMINED;
        }
        Coordinate ahead = indexed.extractPoint(Math.min(indexed.getEndIndex(), pos + PROBE_METRES));
        Coordinate behind = indexed.extractPoint(Math.max(0, pos - PROBE_METRES));
        double depthChange = depth(ahead) - depth(behind);
        if (Math.abs(depthChange) < MIN_DEPTH_CHANGE_METRES) {
            return Facing.UNDETERMINED;
        }
        Bearing inbound = depthChange > 0 ? along : along.reversed();
        // a camera reads approaching vehicles: looking against the inbound direction reads inbound traffic
        return azimuth.differenceDegrees(inbound) > 90 ? Facing.INBOUND : Facing.OUTBOUND;
    }

    /** Signed distance into the borough: positive inside, negative outside. */
    private double depth(Coordinate c) {
        Point p = area.getFactory().createPoint(c);
        double d = outline.distance(p);
        return preparedArea.contains(p) ? d : -d;
    }

    private record Indexed(RoadSegment segment, LineString line) {
    }
}
