package org.sightline.geo.camera.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Identifier rules: the documented pattern, checked against random strings over its edges. */
class IdentifiersTest {

    private static final Pattern RULE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}");
    private static final String CHARS = "aZ09._:/- !é\u0000@Az9";

    @Test
    void acceptsExactlyWhatThePatternAccepts() {
        Random random = new Random(64);
        for (int i = 0; i < 50_000; i++) {
            int length = random.nextInt(70);
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < length; k++) {
                sb.append(CHARS.charAt(random.nextInt(CHARS.length())));
            }
            String id = sb.toString();
            boolean valid = RULE.matcher(id).matches();
            if (valid) {
                assertThat(Identifiers.require("unit id", id)).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> Identifiers.require("unit id", id)).as(id)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("unit id must be 1-64");
            }
        }
    }

    @Test
    void edges() {
        assertThat(Identifiers.require("camera id", "C".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> Identifiers.require("camera id", "C".repeat(65))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.require("camera id", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.require("camera id", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Identifiers.require("camera id", "-C1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Identifiers.require("camera id", "KNW-A58:cam/1.2_b")).isEqualTo("KNW-A58:cam/1.2_b");
    }
}
