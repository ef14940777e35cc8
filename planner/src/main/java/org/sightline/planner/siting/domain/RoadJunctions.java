package org.sightline.planner.siting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Coordinate;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.road.domain.RoadSegment;

/**
 * Finds the junctions of a road network: nodes where three or more road arms meet. A segment's
 * end adds one arm to its node and a vertex shared inside a segment adds two (OpenStreetMap ways
 * run through their junctions; OS Open Roads links end at them). Lines that cross without a shared
 * vertex are bridges or tunnels, not junctions. Vertices are matched after projection, to the
 * nearest {@value #SNAP_METRES} m.
 */
public final class RoadJunctions {

    /** Vertices this close (in metres, per axis, after rounding) are one node. */
    public static final double SNAP_METRES = 1.0;

    /** One junction: where it is and the roads that meet there (number or name, sorted, distinct). */
    public record Junction(LonLat position, GridPoint at, int arms, List<String> roads) {
        public Junction {
            roads = List.copyOf(roads);
        }
    }

    private final MetricProjection projection;

    public RoadJunctions(MetricProjection projection) {
        this.projection = projection;
    }

    /** The junctions of {@code roads}, in the order their nodes were first seen. */
    public List<Junction> find(List<RoadSegment> roads) {
        Map<Long, Node> nodes = new HashMap<>();
        List<Node> order = new ArrayList<>();
        for (RoadSegment s : roads) {
            String label = s.roadNumber().isEmpty() ? s.name() : s.roadNumber();
            List<Node> path = new ArrayList<>();
            for (Coordinate c : s.geometry().getCoordinates()) {
                LonLat p = new LonLat(c.x, c.y);
                GridPoint g = projection.project(p);
                Node n = nodes.computeIfAbsent(key(g), k -> {
                    Node created = new Node(g, p);
                    order.add(created);
                    return created;
                });
                if (path.isEmpty() || path.get(path.size() - 1) != n) {
                    path.add(n);
                }
            }
            for (int i = 0; i < path.size(); i++) {
                Node n = path.get(i);
                n.arms += i == 0 || i == path.size() - 1 ? 1 : 2;
                if (!label.isEmpty()) {
                    n.roads.add(label);
                }
            }
        }
        List<Junction> out = new ArrayList<>();
        for (Node n : order) {
            if (n.arms >= 3) {
                out.add(new Junction(n.position, n.at, n.arms, new ArrayList<>(n.roads)));
            }
        }
        return out;
    }

    private static long key(GridPoint g) {
        long x = Math.round(g.eastingMetres() / SNAP_METRES);
        long y = Math.round(g.northingMetres() / SNAP_METRES);
        return (x << 32) ^ (y & 0xffffffffL);
    }

    private static final class Node {
        final GridPoint at;
        final LonLat position;
        final TreeSet<String> roads = new TreeSet<>();
        int arms;

        Node(GridPoint at, LonLat position) {
            this.at = at;
            this.position = position;
        }
    }
}
