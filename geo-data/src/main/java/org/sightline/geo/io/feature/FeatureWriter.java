package org.sightline.geo.io.feature;

import java.io.IOException;

/** Writes features, in WGS84, to one file; close it to finish the file. Not thread-safe. */
public interface FeatureWriter extends AutoCloseable {

    void write(GeoFeature feature) throws IOException;

    @Override
    void close() throws IOException;
}
