package org.sightline.geo.crossing.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.linemerge.LineMerger;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.road.domain.ArterialRoute;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.road.domain.TravelDirection;

/**
 * Finds every point where an arterial route crosses a boundary, in the metric CRS chosen for the
 * boundary. Segments of a route are first joined into continuous lines, so a segment that ends
 * exactly on the boundary is one crossing, not two; a road that only touches the boundary without
 * passing through it is not a crossing. Crossings of one road closer than
 * {@link #MERGE_DISTANCE_METRES} (the two carriageways of a dual carriageway) are reported once.
 * Thread-safe.
 */
public final class CrossingFinder {

    /** Crossings of the same road closer than this are one crossing. */
    public static final double MERGE_DISTANCE_METRES = 60.0;

    /** How far along the road either side of a crossing the inside/outside test looks. */
    private static final double PROBE_METRES = 15.0;

    private final ProjectionService projections;

    public CrossingFinder(ProjectionService projections) {
        this.projections = projections;
    }

    /** Every crossing of the routes over the boundary, ordered by road number then bearing from the centre. */
    public List<BoroughCrossing> find(Boundary boundary, Collection<ArterialRoute> routes) {
        MetricProjection metric = projections.forArea(boundary.area().getEnvelopeInternal());
        Geometry area = metric.project(boundary.area());
        PreparedGeometry inside = PreparedGeometryFactory.prepare(area);
        Geometry outline = area.getBoundary();
        List<BoroughCrossing> out = new ArrayList<>();
        for (ArterialRoute route : routes) {
            List<Found> found = new ArrayList<>();
            Map<LineString, RoadSegment> projected = new LinkedHashMap<>();
            LineMerger merger = new LineMerger();
            for (RoadSegment s : route.segments()) {
                LineString line = (LineString) metric.project(s.geometry());
                projected.put(line, s);
                merger.add(line);
            }
            @SuppressWarnings("unchecked")
            Collection<LineString> merged = merger.getMergedLineStrings();
            for (LineString line : merged) {
                if (!line.intersects(outline)) {
                    continue;
                }
                Geometry hits = line.intersection(outline);
                LengthIndexedLine indexed = new LengthIndexedLine(line);
                for (Coordinate c : hits.getCoordinates()) {
                    double at = indexed.project(c);
                    Coordinate before = indexed.extractPoint(Math.max(0, at - PROBE_METRES));
                    Coordinate after = indexed.extractPoint(Math.min(indexed.getEndIndex(), at + PROBE_METRES));
                    boolean beforeIn = strictlyInside(inside, outline, before);
                    boolean afterIn = strictlyInside(inside, outline, after);
                    if (beforeIn == afterIn) {
                        continue; // touches the boundary, or runs along it, without passing through
                    }
                    GridPoint from = new GridPoint((beforeIn ? after : before).x, (beforeIn ? after : before).y);
                    GridPoint to = new GridPoint((beforeIn ? before : after).x, (beforeIn ? before : after).y);
                    found.add(new Found(c, Bearing.between(from, to)));
                }
            }
            for (Found f : merge(found)) {
                List<RoadSegment> near = nearestSegments(projected, f.point);
                out.add(new BoroughCrossing(boundary.code(), route.roadNumber(), route.name(),
                        near.stream().map(RoadSegment::id).toList(),
                        metric.unproject(new GridPoint(f.point.x, f.point.y)), f.inbound, flow(near, projected, f)));
            }
        }
        out.sort(Comparator.comparing(BoroughCrossing::roadNumber)
                .thenComparing(c -> c.inboundBearing().degrees()));
        return out;
    }

    private static boolean strictlyInside(PreparedGeometry inside, Geometry outline, Coordinate c) {
        var p = outline.getFactory().createPoint(c);
        return inside.contains(p);
    }

    private static List<Found> merge(List<Found> found) {
        List<Found> kept = new ArrayList<>();
        for (Found f : found) {
            boolean duplicate = kept.stream().anyMatch(k -> k.point.distance(f.point) < MERGE_DISTANCE_METRES
                    && k.inbound.differenceDegrees(f.inbound) < 90);
            if (!duplicate) {
                kept.add(f);
            }
        }
        return kept;
    }

    /** The segments within a metre of the crossing point (at least the nearest one). */
    private static List<RoadSegment> nearestSegments(Map<LineString, RoadSegment> projected, Coordinate point) {
        var p = projected.keySet().iterator().next().getFactory().createPoint(point);
        double best = Double.MAX_VALUE;
        for (LineString l : projected.keySet()) {
            best = Math.min(best, l.distance(p));
        }
        List<RoadSegment> out = new ArrayList<>();
        for (Map.Entry<LineString, RoadSegment> e : projected.entrySet()) {
            if (e.getKey().distance(p) <= best + 1.0) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    /** One-way segments let traffic through in one direction only. */
    private static TrafficFlow flow(List<RoadSegment> near, Map<LineString, RoadSegment> projected, Found f) {
        boolean inbound = false;
        boolean outbound = false;
        for (Map.Entry<LineString, RoadSegment> e : projected.entrySet()) {
            if (!near.contains(e.getValue())) {
                continue;
            }
            TravelDirection d = e.getValue().direction();
            if (d == TravelDirection.BOTH) {
                return TrafficFlow.BOTH_WAYS;
            }
            LengthIndexedLine line = new LengthIndexedLine(e.getKey());
            double at = line.project(f.point);
            Coordinate a = line.extractPoint(Math.max(0, at - 1));
            Coordinate b = line.extractPoint(Math.min(line.getEndIndex(), at + 1));
            if (a.equals2D(b)) {
                continue;
            }
            Bearing along = Bearing.between(new GridPoint(a.x, a.y), new GridPoint(b.x, b.y));
            boolean withGeometryIsInbound = along.differenceDegrees(f.inbound) < 90;
            boolean travelsInbound = (d == TravelDirection.WITH_GEOMETRY) == withGeometryIsInbound;
            inbound |= travelsInbound;
            outbound |= !travelsInbound;
        }
        if (inbound && !outbound) {
            return TrafficFlow.INBOUND_ONLY;
        }
        if (outbound && !inbound) {
            return TrafficFlow.OUTBOUND_ONLY;
        }
        return TrafficFlow.BOTH_WAYS;
    }

    private record Found(Coordinate point, Bearing inbound) {
    }
}
