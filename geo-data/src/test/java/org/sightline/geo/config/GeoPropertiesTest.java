package org.sightline.geo.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.geo.road.domain.RoadClass;

class GeoPropertiesTest {

    private static ApplicationContext start(Map<String, Object> properties) {
        // no datasource: only the configuration beans are wanted
        return ApplicationContext.builder().properties(properties).deduceEnvironment(false)
                .properties(Map.of("datasources.default.enabled", false, "flyway.enabled", false)).start();
    }

    @Test
    void defaultsAreMotorwaysAndARoadsWithinThirtyMetres() {
        try (ApplicationContext ctx = start(Map.of())) {
            GeoProperties p = ctx.getBean(GeoProperties.class);
            assertThat(p.arterialSelection().classes()).containsExactlyInAnyOrder(RoadClass.MOTORWAY, RoadClass.A_ROAD);
            assertThat(p.cameraRouteToleranceMetres()).isEqualTo(30.0);
        }
    }

    @Test
    void configuredClassesAndNumbersAreBound() {
        try (ApplicationContext ctx = start(Map.of("sightline.geo.arterial-classes", List.of("motorway"),
                "sightline.geo.arterial-numbers", List.of("b5199"), "sightline.geo.camera-route-tolerance-metres", 45))) {
            GeoProperties p = ctx.getBean(GeoProperties.class);
            assertThat(p.arterialSelection().classes()).containsExactly(RoadClass.MOTORWAY);
            assertThat(p.arterialSelection().numbers()).containsExactly("B5199");
            assertThat(p.cameraRouteToleranceMetres()).isEqualTo(45.0);
        }
    }

    @Test
    void badValueStopsStartUpWithAMessageStartingWithTheKey() {
        assertThatThrownBy(() -> start(Map.of("sightline.geo.arterial-classes", List.of("motorway", "dirt-track"))))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sightline.geo.arterial-classes = [motorway, dirt-track]: must be")
                .hasMessageContaining("dirt-track");
        assertThatThrownBy(() -> new GeoProperties(null, null, 500))
                .hasMessageStartingWith("sightline.geo.camera-route-tolerance-metres = 500.0: must be between 1 and 200");
        assertThatThrownBy(() -> new GeoProperties(List.of(), List.of(), 30))
                .hasMessageStartingWith("sightline.geo.arterial-classes = []: must");
    }
}
