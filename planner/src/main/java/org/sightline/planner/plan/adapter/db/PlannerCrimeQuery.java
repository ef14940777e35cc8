package org.sightline.planner.plan.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.StoreException;

/** Reads the crimes a plan needs from geo-data's {@code geo_crime} table. */
@Singleton
public class PlannerCrimeQuery {

    private final GeoDatabase database;

    public PlannerCrimeQuery(GeoDatabase database) {
        this.database = database;
    }

    /** The first and last month with stored crimes, if any. */
    public java.util.Optional<MonthRange> monthExtent() {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT min(month), max(month) FROM geo_crime"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            if (rs.getDate(1) == null) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new MonthRange(YearMonth.from(rs.getDate(1).toLocalDate()),
                    YearMonth.from(rs.getDate(2).toLocalDate())));
        } catch (SQLException e) {
            throw new StoreException("cannot read the months of stored crimes", e);
        }
    }

    /** Crimes of {@code types} in {@code months} whose map point lies in the WGS84 {@code area}. */
    public List<CrimeRecord> find(Geometry area, MonthRange months, List<String> types) {
        String sql = "SELECT crime_id, month, reported_by, crime_type, location, lsoa_code, lsoa_name, outcome,"
                + " ST_X(geom) AS lon, ST_Y(geom) AS lat FROM geo_crime"
                + " WHERE month BETWEEN ? AND ? AND crime_type = ANY (?)"
                + " AND ST_Intersects(geom, ST_GeomFromWKB(?, 4326))";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setDate(1, Date.valueOf(months.first().atDay(1)));
            ps.setDate(2, Date.valueOf(months.last().atDay(1)));
            ps.setArray(3, c.createArrayOf("text", types.toArray()));
            ps.setBytes(4, new WKBWriter().write(area));
            ps.setFetchSize(10_000);
            List<CrimeRecord> out = new ArrayList<>();
            c.setAutoCommit(false);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CrimeRecord(rs.getString("crime_id"), YearMonth.from(rs.getDate("month").toLocalDate()),
                            rs.getString("reported_by"), rs.getString("crime_type"),
                            new LonLat(rs.getDouble("lon"), rs.getDouble("lat")), rs.getString("location"),
                            rs.getString("lsoa_code"), rs.getString("lsoa_name"), rs.getString("outcome")));
                }
            } finally {
                c.setAutoCommit(true);
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot read crimes for the plan", e);
        }
    }
}
