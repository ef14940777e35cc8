package org.sightline.planner.hotspot.domain;

import java.util.Locale;
import java.util.Objects;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.planner.grid.domain.MetricGrid;

/**
 * A hotspot surface: one value per cell of a metric grid, with a name, the unit of its values and
 * how it was made. {@code flags} (may be null) marks cells of note, e.g. significant Gi* hot spots
 * (+1) and cold spots (−1). Arrays are shared; do not modify them.
 */
public record GridLayer(String name, String unit, String method, MetricProjection projection, MetricGrid grid,
                        double[] values, int[] flags) {

    public GridLayer {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(grid, "grid");
        if (values.length != grid.cellCount() || (flags != null && flags.length != grid.cellCount())) {
            throw new IllegalArgumentException("a layer needs one value per grid cell");
        }
    }

    /** The largest value. */
    public double max() {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /**
     * The cells as a GeoJSON FeatureCollection of WGS84 squares, keeping cells whose value is at
     * least {@code minShareOfMax} of the largest value (or flagged cells, when the layer has flags).
     * Each feature carries {@code value} and, with flags, {@code flag}.
     */
    public String toGeoJson(double minShareOfMax) {
        double threshold = max() * minShareOfMax;
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("{\"type\":\"FeatureCollection\",\"name\":").append(quote(name))
                .append(",\"unit\":").append(quote(unit)).append(",\"method\":").append(quote(method))
                .append(",\"cellMetres\":").append(fmt(grid.cellMetres())).append(",\"features\":[");
        boolean first = true;
        double half = grid.cellMetres() / 2;
        for (int c = 0; c < values.length; c++) {
            boolean keep = flags != null ? flags[c] != 0 : values[c] > 0 && values[c] >= threshold;
            if (!keep) {
                continue;
            }
            double cx = grid.centreX(c);
            double cy = grid.centreY(c);
            LonLat[] corners = {
                projection.unproject(new GridPoint(cx - half, cy - half)),
                projection.unproject(new GridPoint(cx + half, cy - half)),
                projection.unproject(new GridPoint(cx + half, cy + half)),
                projection.unproject(new GridPoint(cx - half, cy + half))};
            sb.append(first ? "" : ",").append("{\"type\":\"Feature\",\"properties\":{\"cell\":").append(c)
                    .append(",\"value\":").append(fmt(values[c]));
            if (flags != null) {
                sb.append(",\"flag\":").append(flags[c]);
            }
            sb.append("},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[");
            for (int i = 0; i <= 4; i++) {
                LonLat p = corners[i % 4];
                sb.append(i == 0 ? "" : ",").append('[').append(String.format(Locale.ROOT, "%.6f,%.6f",
                        p.lonDegrees(), p.latDegrees())).append(']');
            }
            sb.append("]]}}");
            first = false;
        }
        return sb.append("]}").toString();
    }

    static String fmt(double v) {
        if (!Double.isFinite(v)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : (s == null ? "" : s).toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
