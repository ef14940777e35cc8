package org.sightline.planner.hotspot.domain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.Wgs84;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.grid.domain.MetricGrid;

/**
 * Hotspots as places a planner can name: each is a connected group (edges or corners touching) of
 * significant hot cells of a Getis-Ord Gi* layer, holding the demand points that fall in its
 * cells, and named after the street its records are placed on most often (police.uk "On or near
 * …" text; a named street is preferred to a generic place such as "Parking Area"). Groups holding
 * no demand are left out. Ordered by demand weight, largest first.
 *
 * <p>{@link #of(Demand)} delineates them as a plan does: Gi* of the records on 50 m cells, within
 * 100 m, significant at a false discovery rate of 5 % (Benjamini–Hochberg). On a year of Knowsley
 * crime that gives about seventy hotspots of 0.05–0.7 km², street to estate scale; a 150 m
 * neighbourhood, or demand smoothed first, merges them into town-sized areas of 2–3 km², too
 * coarse to say which part of one a camera watches.
 */
public final class Hotspots {

    /**
     * One hotspot: its rank (1 = most demand), name, cells, area in square kilometres (cells × cell
     * area), demand weight, records and weighted centre.
     */
    public record Hotspot(int rank, String name, int cells, double areaKm2, double weight, long records, LonLat centre) {
    }

    private static final GeometryFactory METRIC = new GeometryFactory();

    private static final Pattern STREET = Pattern.compile("(?i).*\\b(road|street|lane|avenue|drive|close|way|crescent"
            + "|grove|place|walk|court|gardens|terrace|hill|square|view|rise|mews|row|parade|green|vale|brow|boulevard"
            + "|approach|link|bank|croft|fold|gate|lea|meadows?|heys?|end|side|wood|fields?|dale)$|^[ABM]\\d+(\\(M\\))?$");

    private final List<Hotspot> list;
    private final int[] hotspotOfPoint;
    private final MetricGrid grid;
    private final MetricProjection projection;
    private final List<int[]> cellsOfHotspot;

    private Hotspots(List<Hotspot> list, int[] hotspotOfPoint, MetricGrid grid, MetricProjection projection,
                     List<int[]> cellsOfHotspot) {
        this.list = List.copyOf(list);
        this.hotspotOfPoint = hotspotOfPoint;
        this.grid = grid;
        this.projection = projection;
        this.cellsOfHotspot = List.copyOf(cellsOfHotspot);
    }

    /** The hotspots of {@code demand} delineated from its records (see the class comment). */
    public static Hotspots of(Demand demand) {
        HotspotLayers layers = new HotspotLayers(demand.projection(), HotspotLayers.Settings.defaults());
        return of(demand, layers.getisOrdOfRecords(demand));
    }

    /** The hotspots of {@code demand} on {@code giStar} (a layer whose flags mark significant hot cells with +1). */
    public static Hotspots of(Demand demand, GridLayer giStar) {
        MetricGrid grid = giStar.grid();
        int[] flags = giStar.flags();
        if (flags == null) {
            throw new IllegalArgumentException("hotspots need a layer with significance flags (Gi*), not " + giStar.name());
        }
        int[] clusterOfCell = new int[grid.cellCount()];
        Arrays.fill(clusterOfCell, -1);
        List<Integer> cellCounts = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < flags.length; start++) {
            if (flags[start] <= 0 || clusterOfCell[start] >= 0) {
                continue;
            }
            int id = cellCounts.size();
            int n = 0;
            clusterOfCell[start] = id;
            queue.add(start);
            while (!queue.isEmpty()) {
                int cell = queue.poll();
                n++;
                int c = cell % grid.cols();
                int r = cell / grid.cols();
                for (int dr = -1; dr <= 1; dr++) {
                    for (int dc = -1; dc <= 1; dc++) {
                        int rr = r + dr;
                        int cc = c + dc;
                        if (rr < 0 || cc < 0 || rr >= grid.rows() || cc >= grid.cols()) {
                            continue;
                        }
                        int next = rr * grid.cols() + cc;
                        if (flags[next] > 0 && clusterOfCell[next] < 0) {
                            clusterOfCell[next] = id;
                            queue.add(next);
                        }
                    }
                }
            }
            cellCounts.add(n);
        }
        int clusters = cellCounts.size();
        double[] weight = new double[clusters];
        long[] records = new long[clusters];
        double[] sx = new double[clusters];
        double[] sy = new double[clusters];
        List<Map<String, Integer>> names = new ArrayList<>();
        for (int k = 0; k < clusters; k++) {
            names.add(new HashMap<>());
        }
        int[] clusterOfPoint = new int[demand.size()];
        for (int p = 0; p < demand.size(); p++) {
            int cell = grid.cellOf(demand.x(p), demand.y(p));
            int k = cell < 0 ? -1 : clusterOfCell[cell];
            clusterOfPoint[p] = k;
            if (k < 0) {
                continue;
            }
            double w = demand.weight(p);
            weight[k] += w;
            records[k] += demand.totalCount(p);
            sx[k] += w * demand.x(p);
            sy[k] += w * demand.y(p);
            String place = shortPlace(demand.place(p));
            if (!place.isEmpty()) {
                names.get(k).merge(place, Math.max(1, demand.totalCount(p)), Integer::sum);
            }
        }
        Integer[] order = new Integer[clusters];
        for (int k = 0; k < clusters; k++) {
            order[k] = k;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer k) -> -weight[k]));
        int[] rankOf = new int[clusters];
        Arrays.fill(rankOf, -1);
        List<Hotspot> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        double cellKm2 = grid.cellMetres() * grid.cellMetres() / 1e6;
        for (int k : order) {
            if (weight[k] <= 0) {
                continue;
            }
            rankOf[k] = out.size();
            LonLat centre = demand.projection().unproject(new GridPoint(sx[k] / weight[k], sy[k] / weight[k]));
            String name = name(names.get(k), used, centre);
            out.add(new Hotspot(out.size() + 1, name, cellCounts.get(k), cellCounts.get(k) * cellKm2, weight[k], records[k],
                    centre));
        }
        for (int p = 0; p < clusterOfPoint.length; p++) {
            clusterOfPoint[p] = clusterOfPoint[p] < 0 ? -1 : rankOf[clusterOfPoint[p]];
        }
        List<int[]> cells = new ArrayList<>();
        int[] filled = new int[out.size()];
        for (Hotspot h : out) {
            cells.add(new int[h.cells()]);
        }
        for (int cell = 0; cell < clusterOfCell.length; cell++) {
            int k = clusterOfCell[cell];
            int h = k < 0 ? -1 : rankOf[k];
            if (h >= 0) {
                cells.get(h)[filled[h]++] = cell;
            }
        }
        return new Hotspots(out, clusterOfPoint, grid, demand.projection(), cells);
    }

    /**
     * The outline of hotspot {@code index} (into {@link #list()}) as a WGS84 polygon, or a
     * multipolygon when its cells touch only at corners: the union of its grid cells.
     */
    public Geometry outline(int index) {
        int[] cells = cellsOfHotspot.get(index);
        double half = grid.cellMetres() / 2;
        List<Geometry> squares = new ArrayList<>(cells.length);
        for (int cell : cells) {
            double cx = grid.centreX(cell);
            double cy = grid.centreY(cell);
            squares.add(METRIC.toGeometry(new Envelope(cx - half, cx + half, cy - half, cy + half)));
        }
        // cell edges lie on one lattice, so the union is exact; merging collinear edges keeps the outline small
        Geometry metric = DouglasPeuckerSimplifier.simplify(UnaryUnionOp.union(squares), 0.01);
        Geometry wgs84 = Wgs84.FACTORY.createGeometry(metric);
        wgs84.apply(new CoordinateFilter() {
            @Override
            public void filter(Coordinate c) {
                LonLat p = projection.unproject(new GridPoint(c.x, c.y));
                c.x = p.lonDegrees();
                c.y = p.latDegrees();
            }
        });
        wgs84.geometryChanged();
        return wgs84;
    }

    /** The hotspots, largest demand first. */
    public List<Hotspot> list() {
        return list;
    }

    /** Index into {@link #list()} of the hotspot holding demand point {@code point}, or -1. */
    public int hotspotOf(int point) {
        return hotspotOfPoint[point];
    }

    /** Demand weight of each hotspot that the given points cover (points counted once each). */
    public double[] coveredWeight(Demand demand, int[] points) {
        double[] out = new double[list.size()];
        for (int p : points) {
            int h = hotspotOfPoint[p];
            if (h >= 0) {
                out[h] += demand.weight(p);
            }
        }
        return out;
    }

    /** "On or near Marl Road" becomes "Marl Road"; blank stays empty. */
    static String shortPlace(String place) {
        String s = place == null ? "" : place.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.startsWith("on or near ") ? s.substring("on or near ".length()).strip() : s;
    }

    private static String name(Map<String, Integer> counts, Set<String> used, LonLat centre) {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort(Comparator.<Map.Entry<String, Integer>, Boolean>comparing(e -> !STREET.matcher(e.getKey()).matches())
                .thenComparing(Map.Entry.<String, Integer>comparingByValue().reversed())
                .thenComparing(Map.Entry.comparingByKey()));
        List<String> choices = new ArrayList<>(ranked.stream().map(Map.Entry::getKey).toList());
        if (choices.isEmpty()) {
            choices.add(String.format(Locale.ROOT, "%.5f, %.5f", centre.latDegrees(), centre.lonDegrees()));
        }
        for (String c : choices) {
            if (used.add(c)) {
                return c;
            }
        }
        for (int i = 2; ; i++) {
            String candidate = choices.get(0) + " (" + i + ")";
            if (used.add(candidate)) {
                return candidate;
            }
        }
    }
}
