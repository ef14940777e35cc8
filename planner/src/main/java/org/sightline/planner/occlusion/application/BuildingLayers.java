package org.sightline.planner.occlusion.application;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.RowProblem;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.planner.occlusion.adapter.db.BuildingLayerStore;
import org.sightline.planner.occlusion.adapter.file.FootprintFile;
import org.sightline.planner.occlusion.domain.BuildingLayer;
import org.sightline.platform.audit.AuditLog;
import org.sightline.platform.audit.domain.AuditEvent;

/**
 * Building footprint layers for plans, for the API and the command line alike: imports a GIS file
 * once (the same file again finds the stored layer), lists the layers and hands a plan the
 * footprints around its area. Every import is audited.
 */
@Singleton
public class BuildingLayers {

    /** What an import did: the layer, whether it was stored now (false: the file was stored before) and the read. */
    public record Imported(BuildingLayer layer, boolean stored, Optional<ReadSummary> summary) {

        /** One line for people. */
        public String describe() {
            String read = summary.map(s -> s.rowsRejected() == 0 ? "" : String.format(Locale.ROOT,
                    "; %d features rejected (%s)", s.rowsRejected(),
                    s.problems().stream().limit(3).map(RowProblem::toString).collect(Collectors.joining("; "))))
                    .orElse("");
            return (stored ? "stored building " : "already stored: building ") + layer.describe() + ", id " + layer.id()
                    + read;
        }
    }

    private final BuildingLayerStore store;
    private final AuditLog audit;
    private final FootprintFile reader = new FootprintFile();

    public BuildingLayers(BuildingLayerStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /**
     * Imports the footprints of {@code file} (GeoJSON, GeoJSON lines or GeoPackage; {@code gpkgLayer}
     * names the GeoPackage table when it has several) under {@code name} (the file's name when blank).
     *
     * @throws IllegalArgumentException when the file is of another kind, cannot be read or holds no polygon
     */
    public Imported importFile(Path file, Optional<String> gpkgLayer, String name, String user) {
        FeatureFormat format = FeatureFormat.of(file).filter(f -> f != FeatureFormat.CSV).orElseThrow(() ->
                new IllegalArgumentException("building footprints must be a .geojson, .geojsonl or .gpkg file, was '"
                        + file.getFileName() + "'"));
        String sha = sha256(file) + gpkgLayer.map(l -> "#" + l).orElse("");
        Optional<BuildingLayer> known = store.findBySha256(sha);
        if (known.isPresent()) {
            return new Imported(known.get(), false, Optional.empty());
        }
        FootprintFile.Read read = reader.read(file, gpkgLayer);
        ReadSummary s = read.summary();
        if (s.fileProblem().isPresent()) {
            throw new IllegalArgumentException("cannot read " + file.getFileName() + " as " + format.key() + ": "
                    + s.fileProblem().get().reason());
        }
        if (read.footprints().isEmpty()) {
            throw new IllegalArgumentException("no building polygons in " + file.getFileName() + ": " + s.rowsRead()
                    + " features read" + s.problems().stream().findFirst().map(p -> ", e.g. " + p).orElse(""));
        }
        String layerName = name == null || name.isBlank()
                ? file.getFileName() + gpkgLayer.map(l -> " (" + l + ")").orElse("") : name.strip();
        BuildingLayer layer = store.save(layerName, sha, user, read.footprints());
        audit.record(new AuditEvent(Instant.now(), actor(user), "planner.buildings.import", layer.id().toString(), "", "",
                String.format(Locale.ROOT, "layer '%s' from %s: %d footprints stored, %d features rejected", layerName,
                        file.getFileName(), layer.footprints(), s.rowsRejected())));
        return new Imported(layer, true, Optional.of(s));
    }

    /** All stored layers, newest first. */
    public List<BuildingLayer> list() {
        return store.list();
    }

    /** The layer named by {@code id} (a UUID), if stored; malformed ids find nothing. */
    public Optional<BuildingLayer> find(String id) {
        try {
            return store.find(UUID.fromString(id.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The layer's footprints that meet the WGS84 {@code box}. */
    public List<Polygon> footprints(BuildingLayer layer, Envelope box) {
        return store.footprints(layer.id(), box);
    }

    /**
     * The layer's footprints within {@code metres} of the WGS84 box {@code area} (a camera at the
     * box's edge sees that far beyond it).
     */
    public List<Polygon> footprintsAround(BuildingLayer layer, Envelope area, double metres) {
        double midLat = Math.toRadians((area.getMinY() + area.getMaxY()) / 2);
        // a margin, not a measurement: a metre is at most 1/111,320 of a degree of latitude
        double dLat = (metres + 10) / 111_320.0;
        double dLon = dLat / Math.max(0.05, Math.cos(midLat));
        Envelope box = new Envelope(area);
        box.expandBy(dLon, dLat);
        return store.footprints(layer.id(), box);
    }

    private static String actor(String user) {
        return user == null || user.isBlank() ? "system:planner" : user;
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
