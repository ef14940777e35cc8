package org.sightline.geo.crs;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/** Sightline's internal CRS: WGS84 longitude/latitude, EPSG:4326, x = longitude, y = latitude. */
public final class Wgs84 {

    /** SRID of every geometry Sightline stores or exchanges. */
    public static final int SRID = 4326;

    /** Factory for WGS84 geometries (SRID 4326, floating precision). */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), SRID);

    /** Rough WGS84 extent of the United Kingdom and its islands, for sanity checks of UK data. */
    public static final Envelope UNITED_KINGDOM = new Envelope(-8.75, 1.85, 49.85, 60.90);

    private Wgs84() {
    }

    /** A WGS84 point geometry at {@code position}. */
    public static Point point(LonLat position) {
        return FACTORY.createPoint(new Coordinate(position.lonDegrees(), position.latDegrees()));
    }

    /** The position of a WGS84 point geometry. */
    public static LonLat position(Point point) {
        return new LonLat(point.getX(), point.getY());
    }
}
