package org.sightline.geo.demo;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.geo.io.feature.FeatureMapper;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.adapter.file.CandidateSiteFeatures;
import org.sightline.geo.site.domain.CandidateSite;

/**
 * Loads a packaged demo area ({@code classpath:demo/<area>/}) into the database: boundary, roads,
 * cameras and candidate sites. Idempotent: loading again replaces the same rows.
 */
@Singleton
public class DemoAreaLoader {

    /** What one load stored. */
    public record Loaded(String area, long boundaries, long roads, long cameras, long sites) {
        public String describe() {
            return String.format(Locale.ROOT, "demo area %s: %d boundary, %d road segments, %d cameras, %d candidate sites",
                    area, boundaries, roads, cameras, sites);
        }
    }

    private final BoundaryStore boundaries;
    private final RoadStore roads;
    private final CameraStore cameras;
    private final CandidateSiteStore sites;
    private final FeatureFiles files = new FeatureFiles(new ProjectionService());

    public DemoAreaLoader(BoundaryStore boundaries, RoadStore roads, CameraStore cameras, CandidateSiteStore sites) {
        this.boundaries = boundaries;
        this.roads = roads;
        this.cameras = cameras;
        this.sites = sites;
    }

    /**
     * Loads {@code area} (e.g. "knowsley").
     *
     * @throws IllegalArgumentException if no such demo area is packaged
     */
    public Loaded load(String area) {
        if (!area.matches("[a-z0-9-]+") || DemoAreaLoader.class.getResource("/demo/" + area + "/boundary.geojson") == null) {
            throw new IllegalArgumentException("no demo area '" + area + "' is packaged (try 'knowsley')");
        }
        String source = "demo:" + area;
        List<Boundary> b = read(area, "boundary.geojson", BoundaryFeatures.mapper(Optional.empty(), Optional.empty()));
        long nb = boundaries.upsert(b, source);
        long nr;
        try (RoadStore.Load load = roads.begin(source)) {
            read(area, "roads.geojson", RoadFeatures.mapper(source)).forEach(load);
            nr = load.finish();
        }
        List<Camera> c = read(area, "cameras.geojson", CameraFeatures.mapper());
        long nc = cameras.upsert(c, source);
        List<CandidateSite> s = read(area, "candidate-sites.geojson", CandidateSiteFeatures.mapper());
        long ns = sites.upsert(s, source);
        return new Loaded(area, nb, nr, nc, ns);
    }

    /** Reads one packaged file; a packaged file that does not read cleanly is a build fault. */
    private <T> List<T> read(String area, String name, FeatureMapper<T> mapper) {
        Path tmp = null;
        try (InputStream in = DemoAreaLoader.class.getResourceAsStream("/demo/" + area + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo area " + area + " lacks " + name);
            }
            tmp = Files.createTempFile("sightline-demo-", "-" + name);
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            List<T> out = new ArrayList<>();
            Consumer<T> sink = out::add;
            ReadSummary summary = files.read(tmp, Optional.empty(), Optional.empty(), mapper, sink, ReadListener.NONE);
            if (!summary.complete() || summary.rowsRejected() > 0) {
                throw new IllegalStateException("packaged demo file " + area + "/" + name + " is broken: "
                        + summary.describe() + " " + summary.problems());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read packaged demo file " + area + "/" + name, e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }
}
