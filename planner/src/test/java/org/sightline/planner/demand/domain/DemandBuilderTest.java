package org.sightline.planner.demand.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.ProjectionService;

class DemandBuilderTest {

    private static final MonthRange YEAR_2019 = new MonthRange(YearMonth.of(2019, 1), YearMonth.of(2019, 12));
    private final DemandBuilder builder = new DemandBuilder(new ProjectionService().britishNationalGrid());

    private static CrimeRecord crime(String type, String month, double lon, double lat, String lsoa) {
        return new CrimeRecord("", YearMonth.parse(month), "", type, new LonLat(lon, lat), "On or near X", lsoa, "Area 001A", "");
    }

    @Test
    void groupsRecordsByMapPointAndCountsOnlyChosenTypesAndMonths() {
        List<CrimeRecord> records = List.of(
                crime("Burglary", "2019-03", -2.85, 53.43, "E01"),
                crime("Burglary", "2019-04", -2.85, 53.43, "E01"),
                crime("Anti-social behaviour", "2019-04", -2.85, 53.43, "E01"),
                crime("Shoplifting", "2019-04", -2.85, 53.43, "E01"),      // type not counted
                crime("Burglary", "2018-12", -2.85, 53.43, "E01"),         // month outside
                crime("Robbery", "2019-05", -2.86, 53.44, "E02"));
        CrimeWeights weights = new CrimeWeights(Map.of("Burglary", 2.0, "Anti-social behaviour", 1.0, "Robbery", 3.0));
        Demand d = builder.build(records, DemandSpec.counts(weights, YEAR_2019));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.recordCount()).isEqualTo(4);
        assertThat(d.weight(0)).isEqualTo(5.0);
        assertThat(d.weight(1)).isEqualTo(3.0);
        assertThat(d.count(0, d.types().indexOf("Burglary"))).isEqualTo(2);
        assertThat(d.x(0)).isBetween(340_000.0, 350_000.0);   // British National Grid metres
    }

    @Test
    void recencyHalfLifeHalvesTheWeightOfOlderRecords() {
        List<CrimeRecord> records = List.of(crime("Burglary", "2019-12", -2.85, 53.43, "E01"),
                crime("Burglary", "2019-06", -2.86, 53.44, "E01"));
        Demand d = builder.build(records, DemandSpec.counts(CrimeWeights.priorities(), YEAR_2019).withRecencyHalfLife(6));
        assertThat(d.weight(0)).isEqualTo(1.0);
        assertThat(d.weight(1)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void vulnerabilityMultipliesTheDemandOfItsLsoa() {
        List<CrimeRecord> records = List.of(crime("Burglary", "2019-12", -2.85, 53.43, "E01"),
                crime("Burglary", "2019-12", -2.86, 53.44, "E02"));
        Demand d = builder.build(records, DemandSpec.counts(CrimeWeights.priorities(), YEAR_2019)
                .withVulnerability(Map.of("E01", 2.5), 1));
        assertThat(d.weight(0)).isEqualTo(2.5);
        assertThat(d.weight(1)).isEqualTo(1.0);
    }

    @Test
    void smoothingSharesDemandWithNearbyPointsOnly() {
        double[] x = {0, 50, 1000};
        double[] y = {0, 0, 0};
        double[] w = {4, 2, 8};
        double[] s = DemandBuilder.smooth(x, y, w, 100, 0.5);
        double k = Math.pow(1 - 0.25, 2);   // quartic at half the bandwidth
        assertThat(s[0]).isCloseTo(4 + 0.5 * 2 * k, within(1e-12));
        assertThat(s[1]).isCloseTo(2 + 0.5 * 4 * k, within(1e-12));
        assertThat(s[2]).isEqualTo(8);
    }

    @Test
    void unknownCrimeTypeIsRefusedWithTheAcceptedList() {
        assertThatThrownBy(() -> new CrimeWeights(Map.of("Jaywalking", 1.0)))
                .hasMessageContaining("unknown crime type 'Jaywalking'").hasMessageContaining("Vehicle crime");
        assertThat(CrimeTypes.require("asb")).isEqualTo("Anti-social behaviour");
        assertThat(CrimeWeights.priorities().types()).hasSize(8);
    }

    @Test
    void monthRangesParseAndRefuseNonsense() {
        assertThat(MonthRanges.parse("2018-01..2019-12")).isEqualTo(new MonthRange(YearMonth.of(2018, 1), YearMonth.of(2019, 12)));
        assertThat(MonthRanges.parse("2020-03").first()).isEqualTo(YearMonth.of(2020, 3));
        assertThatThrownBy(() -> MonthRanges.parse("2019-12..2018-01")).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> MonthRanges.parse("last year")).hasMessageContaining("2018-01..2019-12");
    }
}
