package org.sightline.geo.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.sightline.geo.crs.BoundingBox;
import org.sightline.geo.crs.Wgs84;

/** Reading geometry columns (selected as {@code ST_AsBinary(geom)}) and building bbox filters. */
public final class GeometryColumns {

    private GeometryColumns() {
    }

    /** The geometry in a WKB column, in WGS84. */
    public static Geometry read(ResultSet rs, String column) throws SQLException {
        try {
            Geometry g = new WKBReader(Wgs84.FACTORY).read(rs.getBytes(column));
            g.setSRID(Wgs84.SRID);
            return g;
        } catch (ParseException e) {
            throw new SQLException("column " + column + " does not hold valid WKB: " + e.getMessage(), e);
        }
    }

    /** A WHERE fragment for geometries meeting the box, or "true" when there is none. */
    public static String bboxClause(BoundingBox bbox, String column) {
        if (bbox == null) {
            return "true";
        }
        return column + " && ST_MakeEnvelope(" + bbox.minLon() + ", " + bbox.minLat() + ", " + bbox.maxLon() + ", "
                + bbox.maxLat() + ", 4326)";
    }
}
