package org.sightline.app;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.Map;
import org.sightline.testing.TestDatabase;

/** Points a {@code @MicronautTest} at this run's fresh PostGIS database. */
public interface SightlineTestProperties extends TestPropertyProvider {

    @Override
    default Map<String, String> getProperties() {
        return TestDatabase.get().micronautProperties();
    }
}
