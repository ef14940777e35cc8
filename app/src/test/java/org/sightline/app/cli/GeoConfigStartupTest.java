package org.sightline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad {@code sightline.geo.*} setting stops the service with one line naming the key. */
class GeoConfigStartupTest {

    @TempDir
    Path dir;

    private String serveWith(String geoYaml) throws IOException {
        ServeRun.Outcome o = ServeRun.serveWith(dir, ServeRun.database() + "sightline:\n  geo:\n" + geoYaml);
        assertThat(o.exitCode()).isEqualTo(2);
        return o.stderr();
    }

    @Test
    void unknownArterialClassNamesTheKeyAndTheAllowedClasses() throws IOException {
        assertThat(serveWith("    arterial-classes: [motorway, dirt-track]\n")).doesNotContain("\n")
                .startsWith("Configuration error: sightline.geo.arterial-classes = [motorway, dirt-track]: must be")
                .contains("a-road");
    }

    @Test
    void toleranceOutOfRangeNamesTheKeyAndTheRange() throws IOException {
        assertThat(serveWith("    camera-route-tolerance-metres: 0\n")).doesNotContain("\n")
                .startsWith("Configuration error: sightline.geo.camera-route-tolerance-metres = 0.0: must be between 1 and 200");
    }
}
