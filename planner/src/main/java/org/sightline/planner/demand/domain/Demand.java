package org.sightline.planner.demand.domain;

import java.util.List;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;

/**
 * Demand for camera coverage at distinct map points, in a metric CRS: each point's weight (what
 * covering it is worth) and its raw record count per crime type (what explanations quote).
 * Immutable; built by {@link DemandBuilder}.
 */
public final class Demand {

    private final MetricProjection projection;
    private final List<String> types;
    private final LonLat[] positions;
    private final double[] x;
    private final double[] y;
    private final double[] weight;
    private final int[] counts;
    private final String[] lsoaCodes;
    private final String[] places;
    private final DemandSpec spec;

    Demand(MetricProjection projection, DemandSpec spec, List<String> types, LonLat[] positions, double[] x,
           double[] y, double[] weight, int[] counts, String[] lsoaCodes, String[] places) {
        this.projection = projection;
        this.spec = spec;
        this.types = List.copyOf(types);
        this.positions = positions;
        this.x = x;
        this.y = y;
        this.weight = weight;
        this.counts = counts;
        this.lsoaCodes = lsoaCodes;
        this.places = places;
    }

    /**
     * Demand given directly as weighted grid points (one pseudo-type "weighted", counts rounded from
     * the weights): for synthetic scenarios and tests.
     */
    public static Demand weighted(MetricProjection projection, double[] x, double[] y, double[] w) {
        if (x.length != y.length || x.length != w.length) {
            throw new IllegalArgumentException("x, y and w differ in length");
        }
        LonLat[] positions = new LonLat[x.length];
        int[] counts = new int[x.length];
        String[] lsoas = new String[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(w[i]) || w[i] < 0) {
                throw new IllegalArgumentException("weights must be finite and >= 0, was " + w[i]);
            }
            positions[i] = projection.unproject(new GridPoint(x[i], y[i]));
            counts[i] = (int) Math.round(w[i]);
            lsoas[i] = "";
        }
        return new Demand(projection, null, List.of("weighted"), positions, x.clone(), y.clone(), w.clone(), counts, lsoas,
                lsoas.clone());
    }

    /** The metric CRS of {@link #x(int)} and {@link #y(int)}. */
    public MetricProjection projection() {
        return projection;
    }

    /** What the demand was built from (null for {@link #weighted} demand). */
    public DemandSpec spec() {
        return spec;
    }

    /** Number of distinct map points. */
    public int size() {
        return x.length;
    }

    /** Whether no record counted. */
    public boolean isEmpty() {
        return x.length == 0;
    }

    /** The counted crime types, in the order of {@link #count(int, int)}. */
    public List<String> types() {
        return types;
    }

    public double x(int point) {
        return x[point];
    }

    public double y(int point) {
        return y[point];
    }

    /** All easting values in metres (shared, do not modify). */
    public double[] xs() {
        return x;
    }

    /** All northing values in metres (shared, do not modify). */
    public double[] ys() {
        return y;
    }

    /** All weights (shared, do not modify). */
    public double[] weights() {
        return weight;
    }

    public GridPoint gridPoint(int point) {
        return new GridPoint(x[point], y[point]);
    }

    public LonLat position(int point) {
        return positions[point];
    }

    public String lsoaCode(int point) {
        return lsoaCodes[point];
    }

    /**
     * What the point is called: the police.uk location text of its records ("On or near Marl
     * Road"), else their LSOA name, else empty.
     */
    public String place(int point) {
        return places[point];
    }

    /** What covering this point is worth. */
    public double weight(int point) {
        return weight[point];
    }

    /** Records of type {@code typeIndex} (see {@link #types()}) at this point. */
    public int count(int point, int typeIndex) {
        return counts[point * types.size() + typeIndex];
    }

    /** Records of every counted type at this point. */
    public int totalCount(int point) {
        int n = 0;
        for (int t = 0; t < types.size(); t++) {
            n += counts[point * types.size() + t];
        }
        return n;
    }

    /** Sum of all weights. */
    public double totalWeight() {
        double s = 0;
        for (double w : weight) {
            s += w;
        }
        return s;
    }

    /** Number of counted records. */
    public long recordCount() {
        long n = 0;
        for (int c : counts) {
            n += c;
        }
        return n;
    }
}
