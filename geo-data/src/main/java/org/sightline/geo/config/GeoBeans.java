package org.sightline.geo.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.sightline.geo.crossing.domain.CrossingFinder;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.io.feature.FeatureFiles;

/** Makes the framework-free geo services available for injection. */
@Factory
public class GeoBeans {

    @Singleton
    ProjectionService projectionService() {
        return new ProjectionService();
    }

    @Singleton
    FeatureFiles featureFiles(ProjectionService projections) {
        return new FeatureFiles(projections);
    }

    @Singleton
    CrossingFinder crossingFinder(ProjectionService projections) {
        return new CrossingFinder(projections);
    }
}
