package org.sightline.geo.crime.adapter.db;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sightline.geo.db.GeoDatabase;
import org.sightline.geo.db.StoreException;

/** Crime records in PostGIS ({@code geo_crime}). */
@Singleton
public class CrimeStore {

    static final List<String> COLUMNS = List.of("row_key", "crime_id", "month", "reported_by", "crime_type",
            "location", "lsoa_code", "lsoa_name", "outcome", "source", "geom");

    private final GeoDatabase database;

    public CrimeStore(GeoDatabase database) {
        this.database = database;
    }

    /**
     * Starts a bulk load of the records of one file; hand each record to the load, then
     * {@link CrimeBulkLoad#finish()} it. Records already stored (same content, same occurrence
     * within the file) are not stored again. A load into an empty table holds the table exclusively
     * until it is finished or closed (readers wait rather than see a half-built table).
     *
     * @param source a label kept with each row, e.g. the file name
     */
    public CrimeBulkLoad begin(String source) {
        try {
            Connection c = database.connect();
            return CrimeBulkLoad.open(c, source);
        } catch (SQLException e) {
            throw new StoreException("cannot start loading crimes", e);
        }
    }

    /** Number of stored records. */
    public long count() {
        try (Connection c = database.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM geo_crime")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StoreException("cannot count crimes", e);
        }
    }

    /** Stored records per month whose LSOA name starts with {@code lsoaNamePrefix} ("" for all). */
    public Map<YearMonth, Long> countByMonth(String lsoaNamePrefix) {
        String sql = "SELECT month, count(*) FROM geo_crime WHERE lsoa_name LIKE ? GROUP BY month ORDER BY month";
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, lsoaNamePrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            Map<YearMonth, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(YearMonth.from(rs.getDate(1).toLocalDate()), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("cannot count crimes by month", e);
        }
    }

    /** Removes every stored record (used by benchmarks and re-imports from scratch). */
    public void deleteAll() {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE geo_crime");
        } catch (SQLException e) {
            throw new StoreException("cannot empty geo_crime", e);
        }
    }
}
