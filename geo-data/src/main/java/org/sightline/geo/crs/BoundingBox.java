package org.sightline.geo.crs;

import java.util.Locale;
import org.locationtech.jts.geom.Envelope;

/** A WGS84 rectangle: west, south, east, north in degrees (the GeoJSON / OGC API order). */
public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {

    public BoundingBox {
        new LonLat(minLon, minLat);
        new LonLat(maxLon, maxLat);
        if (maxLon < minLon || maxLat < minLat) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "bbox must be west,south,east,north with west <= east and south <= north, was %s,%s,%s,%s",
                    minLon, minLat, maxLon, maxLat));
        }
    }

    /**
     * Parses {@code "west,south,east,north"}.
     *
     * @throws IllegalArgumentException with a message fit for the user
     */
    public static BoundingBox parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be four numbers west,south,east,north in WGS84 degrees, was '"
                    + text + "'");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox value '" + parts[i].trim() + "' is not a number");
            }
        }
        return new BoundingBox(v[0], v[1], v[2], v[3]);
    }

    /** The JTS envelope (x = longitude). */
    public Envelope toEnvelope() {
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    /** The smallest box around a JTS envelope. */
    public static BoundingBox of(Envelope e) {
        return new BoundingBox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }
}
