package org.sightline.geo.io.feature;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.ReadTally;

/**
 * Reads and writes feature files in any supported {@link FeatureFormat}, chosen by the caller or
 * by the file's extension. Thread-safe.
 */
public final class FeatureFiles {

    private final GeoJsonFeatureReader geoJson;
    private final GeoPackageFeatureReader geoPackage;
    private final CsvPointReader csv;

    public FeatureFiles(ProjectionService projections) {
        this.geoJson = new GeoJsonFeatureReader(projections);
        this.geoPackage = new GeoPackageFeatureReader(projections);
        this.csv = new CsvPointReader(projections);
    }

    /**
     * Reads {@code file} in {@code format} (or the format its extension implies), mapping each
     * feature with {@code mapper}. Never throws for bad input: see the summary.
     */
    public <T> ReadSummary read(Path file, Optional<FeatureFormat> format, Optional<String> layer,
                                FeatureMapper<T> mapper, Consumer<T> sink, ReadListener listener) {
        Optional<FeatureFormat> f = format.isPresent() ? format : FeatureFormat.of(file);
        if (f.isEmpty()) {
            ReadTally tally = new ReadTally(file.getFileName().toString(), listener);
            tally.fileProblem(0, "unknown file type; use .geojson, .geojsonl, .gpkg or .csv, or say --format");
            return tally.summary();
        }
        return switch (f.get()) {
            case GEOJSON -> geoJson.read(file, mapper, sink, listener);
            case GEOJSONL -> geoJson.readLines(file, mapper, sink, listener);
            case GPKG -> geoPackage.read(file, layer, mapper, sink, listener);
            case CSV -> csv.read(file, mapper, sink, listener);
        };
    }

    /**
     * A writer of {@code format} to {@code file} (replaced if it exists).
     *
     * @param members extra top-level members for GeoJSON (e.g. attribution); ignored otherwise
     */
    public FeatureWriter writer(Path file, FeatureFormat format, FeatureSchema schema, Map<String, String> members)
            throws IOException {
        if (format == FeatureFormat.GPKG) {
            return new GeoPackageFeatureWriter(file, schema);
        }
        OutputStream out = Files.newOutputStream(file);
        return switch (format) {
            case GEOJSON -> new GeoJsonFeatureWriter(out, false, members);
            case GEOJSONL -> new GeoJsonFeatureWriter(out, true, members);
            case CSV -> new CsvFeatureWriter(out, schema);
            case GPKG -> throw new IllegalStateException("handled above");
        };
    }
}
