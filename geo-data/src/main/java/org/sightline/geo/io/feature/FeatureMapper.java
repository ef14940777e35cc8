package org.sightline.geo.io.feature;

import java.util.List;

/**
 * Turns a file feature into zero or more domain values. Returning an empty list leaves the
 * feature out (filtered); throwing {@link IllegalArgumentException} rejects it with the
 * exception's message as the reason.
 */
@FunctionalInterface
public interface FeatureMapper<T> {

    List<T> map(GeoFeature feature);
}
