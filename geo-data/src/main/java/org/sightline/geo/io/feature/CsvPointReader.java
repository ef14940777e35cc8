package org.sightline.geo.io.feature;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.CsvRecordReader;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.ReadTally;

/**
 * Streams point features from CSV (plain or gzip) with either WGS84 longitude/latitude columns
 * ({@code longitude/lon/lng}, {@code latitude/lat}) or British National Grid columns
 * ({@code easting}, {@code northing}); names are matched case-insensitively and longitude/latitude
 * win when both are present. Every other column becomes a text property. Thread-safe.
 */
public final class CsvPointReader {

    private static final List<String> LON = List.of("longitude", "lon", "lng", "long", "x_wgs84");
    private static final List<String> LAT = List.of("latitude", "lat", "y_wgs84");
    private static final List<String> EAST = List.of("easting", "eastings", "east", "x_bng", "bng_x");
    private static final List<String> NORTH = List.of("northing", "northings", "north", "y_bng", "bng_y");

    private final ProjectionService projections;

    public CsvPointReader(ProjectionService projections) {
        this.projections = projections;
    }

    public <T> ReadSummary read(Path file, FeatureMapper<T> mapper, Consumer<T> sink, ReadListener listener) {
        FeatureDelivery<T> out = new FeatureDelivery<>(mapper, sink, new ReadTally(file.getFileName().toString(), listener));
        CsvRecordReader.read(file, listener, out.tally(), csv -> readRows(csv, out));
        return out.tally().summary();
    }

    private <T> void readRows(CsvRecordReader csv, FeatureDelivery<T> out) {
        List<String> header = csv.header(out.tally(), "a header with longitude,latitude or easting,northing").orElse(null);
        if (header == null) {
            return;
        }
        Optional<Integer> lon = find(header, LON);
        Optional<Integer> lat = find(header, LAT);
        Optional<Integer> east = find(header, EAST);
        Optional<Integer> north = find(header, NORTH);
        boolean wgs84 = lon.isPresent() && lat.isPresent();
        if (!wgs84 && (east.isEmpty() || north.isEmpty())) {
            out.tally().fileProblem(1, "the header " + header + " has neither longitude,latitude nor easting,northing columns");
            return;
        }
        int xi = wgs84 ? lon.get() : east.get();
        int yi = wgs84 ? lat.get() : north.get();
        MetricProjection bng = projections.britishNationalGrid();
        csv.forEachRecord(header.size(), out.tally(), (line, row) -> {
            LonLat position;
            try {
                double x = number(header.get(xi), row.get(xi));
                double y = number(header.get(yi), row.get(yi));
                if (wgs84) {
                    position = new LonLat(x, y);
                } else {
                    if (x < 0 || x > 700_000 || y < 0 || y > 1_300_000) {
                        throw new IllegalArgumentException("easting/northing (" + row.get(xi) + ", " + row.get(yi)
                                + ") is outside British National Grid (0..700000, 0..1300000)");
                    }
                    position = bng.unproject(new GridPoint(x, y));
                }
            } catch (IllegalArgumentException e) {
                out.reject(line, e.getMessage());
                return;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (i != xi && i != yi) {
                    props.put(header.get(i).strip(), row.get(i));
                }
            }
            out.deliver(line, Wgs84.point(position), props);
        });
    }

    private static Optional<Integer> find(List<String> header, List<String> names) {
        for (String n : names) {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(n)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static double number(String column, String text) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(column.strip() + " '" + text + "' is not a number");
    }
}
