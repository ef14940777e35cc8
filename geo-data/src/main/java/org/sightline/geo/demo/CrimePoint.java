package org.sightline.geo.demo;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.sightline.geo.crs.LonLat;

/** Crime records aggregated at one police.uk map point: counts by type and the months seen. Mutable, builder-only. */
final class CrimePoint {

    final LonLat position;
    final String location;
    final Map<String, Integer> byType = new TreeMap<>();
    int total;
    YearMonth first;
    YearMonth last;

    CrimePoint(LonLat position, String location) {
        this.position = position;
        this.location = location;
    }

    void add(String type, YearMonth month) {
        total++;
        byType.merge(type, 1, Integer::sum);
        first = first == null || month.isBefore(first) ? month : first;
        last = last == null || month.isAfter(last) ? month : last;
    }
}
