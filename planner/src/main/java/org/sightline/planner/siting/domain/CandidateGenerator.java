package org.sightline.planner.siting.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.planner.grid.domain.MetricGrid;
import org.sightline.planner.grid.domain.PointIndex;

/**
 * Generates candidate sites where no surveyed list exists: every distinct police.uk map point
 * (they are snapped to streets and public places, so a column can usually stand there), the
 * junctions of the road network (a camera there looks down several streets at once) and, to give
 * the optimiser room between them, the centres of grid cells within a given distance of a map
 * point (on or beside the street). Each generated site costs the given default.
 */
public final class CandidateGenerator {

    private final MetricProjection projection;
    private final double defaultCostGbp;

    public CandidateGenerator(MetricProjection projection, double defaultCostGbp) {
        if (!Double.isFinite(defaultCostGbp) || defaultCostGbp < 0) {
            throw new IllegalArgumentException("default site cost must be >= 0 GBP, was " + defaultCostGbp);
        }
        this.projection = projection;
        this.defaultCostGbp = defaultCostGbp;
    }

    /**
     * One candidate per distinct map point, ids "mp-1", "mp-2", … in the order given, described by
     * the police.uk location text of the point ("On or near Marl Road") when one is given.
     */
    public List<Candidate> mapPoints(Map<LonLat, String> locations) {
        List<Candidate> out = new ArrayList<>();
        int i = 0;
        for (var e : locations.entrySet()) {
            String where = e.getValue() == null || e.getValue().isBlank() ? "map point" : "map point " + e.getValue();
            out.add(new Candidate("mp-" + (++i), e.getKey(), projection.project(e.getKey()), defaultCostGbp, where));
        }
        return out;
    }

    /**
     * One candidate per road junction (three or more arms, see {@link RoadJunctions}), ids "jn-1",
     * "jn-2", …, described by the roads that meet there ("road junction A580 / M57").
     */
    public List<Candidate> junctions(List<RoadSegment> roads) {
        List<Candidate> out = new ArrayList<>();
        for (RoadJunctions.Junction j : new RoadJunctions(projection).find(roads)) {
            String where = j.roads().isEmpty() ? "road junction" : "road junction " + String.join(" / ", j.roads());
            out.add(new Candidate("jn-" + (out.size() + 1), j.position(), j.at(), defaultCostGbp, where));
        }
        return out;
    }

    /**
     * The {@code extra} candidates, in order, that lie at least {@code metres} from every
     * candidate in {@code kept} and from every extra one taken before them: a generated site next to
     * one already listed offers nothing the optimiser lacks, and the spacing rule could not use both.
     */
    public static List<Candidate> apartFrom(List<Candidate> kept, List<Candidate> extra, double metres) {
        if (!(metres > 0)) {
            return List.copyOf(extra);
        }
        Map<Long, List<Candidate>> cells = new HashMap<>();
        for (Candidate c : kept) {
            cells.computeIfAbsent(cell(c.at(), metres), k -> new ArrayList<>()).add(c);
        }
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : extra) {
            if (!anyWithin(cells, c.at(), metres)) {
                out.add(c);
                cells.computeIfAbsent(cell(c.at(), metres), k -> new ArrayList<>()).add(c);
            }
        }
        return out;
    }

    private static boolean anyWithin(Map<Long, List<Candidate>> cells, GridPoint at, double metres) {
        long cx = (long) Math.floor(at.eastingMetres() / metres);
        long cy = (long) Math.floor(at.northingMetres() / metres);
        for (long x = cx - 1; x <= cx + 1; x++) {
            for (long y = cy - 1; y <= cy + 1; y++) {
                for (Candidate o : cells.getOrDefault(key(x, y), List.of())) {
                    double dx = o.at().eastingMetres() - at.eastingMetres();
                    double dy = o.at().northingMetres() - at.northingMetres();
                    if (dx * dx + dy * dy < metres * metres) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long cell(GridPoint at, double metres) {
        return key((long) Math.floor(at.eastingMetres() / metres), (long) Math.floor(at.northingMetres() / metres));
    }

    private static long key(long x, long y) {
        return (x << 32) ^ (y & 0xffffffffL);
    }

    /** One candidate per distinct map point, ids "mp-1", "mp-2", … in the order given. */
    public List<Candidate> mapPoints(Collection<LonLat> points) {
        List<Candidate> out = new ArrayList<>();
        Set<LonLat> seen = new LinkedHashSet<>(points);
        int i = 0;
        for (LonLat p : seen) {
            out.add(new Candidate("mp-" + (++i), p, projection.project(p), defaultCostGbp, "map point"));
        }
        return out;
    }

    /**
     * Centres of {@code cellMetres} grid cells lying within {@code maxDistanceMetres} of a map point
     * and not within {@code cellMetres / 2} of one (the map point itself is a candidate already).
     */
    public List<Candidate> gridNear(Collection<LonLat> points, double cellMetres, double maxDistanceMetres) {
        List<LonLat> distinct = new ArrayList<>(new LinkedHashSet<>(points));
        if (distinct.isEmpty()) {
            return List.of();
        }
        double[] x = new double[distinct.size()];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            GridPoint g = projection.project(distinct.get(i));
            x[i] = g.eastingMetres();
            y[i] = g.northingMetres();
        }
        PointIndex index = new PointIndex(x, y, Math.max(cellMetres, maxDistanceMetres));
        MetricGrid grid = MetricGrid.covering(x, y, maxDistanceMetres, cellMetres);
        Set<Integer> cells = new HashSet<>();
        int reach = (int) Math.ceil(maxDistanceMetres / cellMetres);
        for (int i = 0; i < x.length; i++) {
            int home = grid.cellOf(x[i], y[i]);
            int hc = home % grid.cols();
            int hr = home / grid.cols();
            for (int r = hr - reach; r <= hr + reach; r++) {
                for (int c = hc - reach; c <= hc + reach; c++) {
                    if (r >= 0 && c >= 0 && r < grid.rows() && c < grid.cols()) {
                        cells.add(r * grid.cols() + c);
                    }
                }
            }
        }
        List<Integer> sorted = new ArrayList<>(cells);
        sorted.sort(null);
        List<Candidate> out = new ArrayList<>();
        for (int cell : sorted) {
            double cx = grid.centreX(cell);
            double cy = grid.centreY(cell);
            boolean[] near = {false};
            boolean[] tooClose = {false};
            index.forEachWithin(cx, cy, maxDistanceMetres, p -> near[0] = true);
            index.forEachWithin(cx, cy, cellMetres / 2, p -> tooClose[0] = true);
            if (near[0] && !tooClose[0]) {
                GridPoint g = new GridPoint(cx, cy);
                out.add(new Candidate(String.format(Locale.ROOT, "g-%.0f-%.0f", cx, cy), projection.unproject(g), g,
                        defaultCostGbp, "grid"));
            }
        }
        return out;
    }
}
