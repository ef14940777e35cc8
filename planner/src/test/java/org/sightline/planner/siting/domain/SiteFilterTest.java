package org.sightline.planner.siting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sightline.geo.site.domain.SiteConstraint.CONSERVATION_AREA;
import static org.sightline.geo.site.domain.SiteConstraint.NEEDS_PERMISSION;
import static org.sightline.geo.site.domain.SiteConstraint.POLE_AVAILABLE;
import static org.sightline.geo.site.domain.SiteConstraint.POWER_AVAILABLE;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SiteFilterTest {

    private final SiteFilter poleAndPowerOutsideConservation = SiteFilter.parse(List.of("pole", "POWER_AVAILABLE"),
            List.of("conservation-area"));

    @Test
    void aSiteMustHaveEveryRequiredFactAndNoExcludedOne() {
        assertThat(poleAndPowerOutsideConservation.rejects(Set.of(POLE_AVAILABLE, POWER_AVAILABLE, NEEDS_PERMISSION)))
                .isEmpty();
        assertThat(poleAndPowerOutsideConservation.rejects(Set.of(POLE_AVAILABLE))).contains("no power");
        assertThat(poleAndPowerOutsideConservation.rejects(Set.of())).contains("no pole");
        assertThat(poleAndPowerOutsideConservation.rejects(Set.of(POLE_AVAILABLE, POWER_AVAILABLE, CONSERVATION_AREA)))
                .contains("in a conservation area");
        assertThat(SiteFilter.NONE.rejects(Set.of(CONSERVATION_AREA))).isEmpty();
    }

    @Test
    void theFilterDescribesItselfForNotesAndComparisons() {
        assertThat(poleAndPowerOutsideConservation.describe()).isEqualTo("with pole and power; not in a conservation area");
        assertThat(SiteFilter.parse(List.of(), List.of("needs permission", "conservation_area")).describe())
                .isEqualTo("not needing permission, not in a conservation area");
        assertThat(SiteFilter.NONE.describe()).isEmpty();
        assertThat(SiteFilter.parse(List.of(" "), null).isEmpty()).isTrue();
    }

    @Test
    void anUnknownConstraintIsRefusedWithTheValidNames() {
        assertThatThrownBy(() -> SiteFilter.parse(List.of("streetlight"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown required site constraint 'streetlight'")
                .hasMessageContaining("POLE_AVAILABLE, POWER_AVAILABLE, NETWORK_AVAILABLE, NEEDS_NEW_POLE, NEEDS_PERMISSION,"
                        + " CONSERVATION_AREA");
        assertThatThrownBy(() -> SiteFilter.parse(List.of("power"), List.of("power-available")))
                .hasMessageContaining("both required and excluded: POWER_AVAILABLE");
    }
}
