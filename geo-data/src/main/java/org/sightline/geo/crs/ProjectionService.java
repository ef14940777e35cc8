package org.sightline.geo.crs;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.locationtech.jts.geom.Envelope;

/**
 * The one place where Sightline chooses a metric CRS. British National Grid (EPSG:27700, OSGB36
 * via the published 7-parameter Helmert: within 2 m of OSTN15 in north-west England, up to
 * 3.5 m (95%) across Great Britain as Ordnance Survey states) for data inside Great Britain,
 * otherwise the UTM zone of the data's centre. Thread-safe; projections are cached.
 */
public final class ProjectionService {

    /** proj4 definition of EPSG:27700 with the OSGB36 towgs84 Helmert parameters. */
    public static final String BNG_PROJ4 = "+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000"
            + " +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489"
            + " +units=m +no_defs";

    /** WGS84 extent in which British National Grid is used (GB and its islands). */
    private static final Envelope BNG_EXTENT = new Envelope(-8.82, 1.92, 49.79, 60.94);

    private final Map<Integer, MetricProjection> cache = new ConcurrentHashMap<>();

    /** British National Grid (EPSG:27700). */
    public MetricProjection britishNationalGrid() {
        return cache.computeIfAbsent(27700, k -> new Proj4jProjection(27700,
                "British National Grid (EPSG:27700)", BNG_PROJ4));
    }

    /**
     * WGS84 / UTM zone {@code zone} (1..60) of the given hemisphere.
     *
     * @throws IllegalArgumentException if the zone is outside 1..60
     */
    public MetricProjection utm(int zone, boolean north) {
        if (zone < 1 || zone > 60) {
            throw new IllegalArgumentException("UTM zone must be 1..60, was " + zone);
        }
        int epsg = (north ? 32600 : 32700) + zone;
        return cache.computeIfAbsent(epsg, k -> new Proj4jProjection(epsg,
                String.format(Locale.ROOT, "WGS 84 / UTM zone %d%s (EPSG:%d)", zone, north ? "N" : "S", epsg),
                "+proj=utm +zone=" + zone + (north ? "" : " +south") + " +datum=WGS84 +units=m +no_defs"));
    }

    /**
     * The metric CRS for data with the given WGS84 envelope: British National Grid when the
     * envelope lies inside Great Britain, otherwise the UTM zone of its centre.
     */
    public MetricProjection forArea(Envelope wgs84) {
        if (wgs84 == null || wgs84.isNull()) {
            throw new IllegalArgumentException("cannot choose a projection for an empty area");
        }
        if (BNG_EXTENT.contains(wgs84)) {
            return britishNationalGrid();
        }
        double lon = wgs84.centre().x;
        double lat = wgs84.centre().y;
        int zone = Math.min(60, (int) Math.floor((lon + 180) / 6) + 1);
        return utm(zone, lat >= 0);
    }

    /** The metric CRS for data around one position (see {@link #forArea(Envelope)}). */
    public MetricProjection forPosition(LonLat position) {
        return forArea(new Envelope(position.lonDegrees(), position.lonDegrees(),
                position.latDegrees(), position.latDegrees()));
    }
}
