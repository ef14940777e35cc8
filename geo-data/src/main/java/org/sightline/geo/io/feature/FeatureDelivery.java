package org.sightline.geo.io.feature;

import java.util.List;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.sightline.geo.io.ReadTally;

/** Shared by the feature readers: checks a feature's coordinates, maps it and counts the outcome. */
final class FeatureDelivery<T> {

    private static final Envelope WORLD = new Envelope(-180, 180, -90, 90);

    private final FeatureMapper<T> mapper;
    private final Consumer<T> sink;
    private final ReadTally tally;

    FeatureDelivery(FeatureMapper<T> mapper, Consumer<T> sink, ReadTally tally) {
        this.mapper = mapper;
        this.sink = sink;
        this.tally = tally;
    }

    ReadTally tally() {
        return tally;
    }

    /** Maps and delivers one WGS84 feature, or records why not. */
    void deliver(long ordinal, Geometry wgs84, java.util.Map<String, Object> properties) {
        if (wgs84 == null || wgs84.isEmpty()) {
            tally.rejected(ordinal, "the feature has no geometry");
            return;
        }
        Envelope e = wgs84.getEnvelopeInternal();
        if (!WORLD.contains(e) || !Double.isFinite(e.getMinX()) || !Double.isFinite(e.getMinY())) {
            tally.rejected(ordinal, "coordinates (" + e.getMinX() + ", " + e.getMinY() + ") are not WGS84 "
                    + "longitude/latitude; is the file in another CRS (e.g. British National Grid EPSG:27700)?");
            return;
        }
        List<T> values;
        try {
            values = mapper.map(new GeoFeature(ordinal, wgs84, properties));
        } catch (IllegalArgumentException e2) {
            tally.rejected(ordinal, e2.getMessage());
            return;
        }
        if (values.isEmpty()) {
            tally.filtered();
            return;
        }
        values.forEach(sink);
        tally.accepted();
    }

    void reject(long ordinal, String reason) {
        tally.rejected(ordinal, reason);
    }
}
