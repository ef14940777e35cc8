package org.sightline.geo.crime.domain;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.sightline.geo.crs.Wgs84;

/** Which records belong to the area of interest. */
public sealed interface AreaFilter {

    /** Whether the record is inside the area. */
    boolean test(CrimeRecord record);

    /** Every record. */
    static AreaFilter anywhere() {
        return Anywhere.INSTANCE;
    }

    /** Records whose LSOA name starts with the prefix, e.g. "Knowsley " (case-sensitive, as published). */
    static AreaFilter lsoaNamePrefix(String prefix) {
        return new LsoaNamePrefix(prefix);
    }

    /** Records whose map point lies inside or on the WGS84 polygon. */
    static AreaFilter within(Geometry wgs84Area) {
        return new Within(PreparedGeometryFactory.prepare(wgs84Area));
    }

    /** See {@link #anywhere()}. */
    enum Anywhere implements AreaFilter {
        INSTANCE;

        @Override
        public boolean test(CrimeRecord record) {
            return true;
        }
    }

    /** See {@link #lsoaNamePrefix(String)}. */
    record LsoaNamePrefix(String prefix) implements AreaFilter {
        public LsoaNamePrefix {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("LSOA name prefix must not be empty");
            }
        }

        @Override
        public boolean test(CrimeRecord record) {
            return record.lsoaName().startsWith(prefix);
        }
    }

    /** See {@link #within(Geometry)}. */
    record Within(PreparedGeometry area) implements AreaFilter {
        public Within {
            Objects.requireNonNull(area, "area");
        }

        @Override
        public boolean test(CrimeRecord record) {
            return area.covers(Wgs84.point(record.position()));
        }
    }
}
