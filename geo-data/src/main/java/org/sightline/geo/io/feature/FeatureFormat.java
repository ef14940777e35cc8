package org.sightline.geo.io.feature;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The GIS file formats Sightline reads and writes. */
public enum FeatureFormat {
    GEOJSON("geojson", ".geojson", ".json"),
    GEOJSONL("geojsonl", ".geojsonl", ".geojsons", ".geojsonseq", ".ndjson", ".jsonl"),
    GPKG("gpkg", ".gpkg"),
    CSV("csv", ".csv", ".csv.gz", ".txt");

    private final String key;
    private final String[] extensions;

    FeatureFormat(String key, String... extensions) {
        this.key = key;
        this.extensions = extensions;
    }

    /** The name used on the command line: geojson, geojsonl, gpkg, csv. */
    public String key() {
        return key;
    }

    /** The format named on the command line, or empty. */
    public static Optional<FeatureFormat> find(String name) {
        for (FeatureFormat f : values()) {
            if (f.key.equalsIgnoreCase(name == null ? "" : name.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The format implied by a file name's extension, or empty. */
    public static Optional<FeatureFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FeatureFormat f : values()) {
            for (String ext : f.extensions) {
                if (name.endsWith(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    /** The usual extension of files of this format, with the dot. */
    public String extension() {
        return extensions[0];
    }
}
