package org.sightline.geo.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.crime.adapter.file.PoliceUkCrimeCsvReader;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.crossing.domain.BoroughCrossing;
import org.sightline.geo.crossing.domain.CrossingFinder;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.FeatureWriter;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.road.domain.ArterialRoute;
import org.sightline.geo.road.domain.ArterialSelection;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.site.adapter.file.CandidateSiteFeatures;
import org.sightline.geo.site.domain.CandidateSite;

/**
 * Builds a demo area from real public data: a simplified boundary, the arterial roads within an
 * approach distance of it, the crossings, a synthetic camera estate and candidate sites, and
 * crime records aggregated to map points. Output is small GeoJSON (committed with the project),
 * so the demo never needs the source data. Works for any area: nothing here is specific to one.
 *
 * <pre>
 * java -cp sightline.jar org.sightline.geo.demo.DemoAreaBuilder --boundary FILE [--boundary-code CODE]
 *      --roads FILE [--roads FILE ...] [--crime-dir DIR] [--lsoa-prefix "Knowsley "] --out DIR
 *      [--anpr 12] [--cctv 40] [--sites 300] [--approach-metres 3000] [--seed 4]
 * </pre>
 */
public final class DemoAreaBuilder {

    static final String ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0. "
            + "Crime data: data.police.uk. Boundaries: Office for National Statistics, contains OS data (c) Crown copyright "
            + "and database right. Roads: OS Open Roads, contains OS data (c) Crown copyright and database right 2024.";

    /** Map points with fewer records over the whole period are left out of the crime sample. */
    static final int MIN_RECORDS_PER_POINT = 5;

    private final ProjectionService projections = new ProjectionService();
    private final FeatureFiles files = new FeatureFiles(projections);

    public static void main(String[] args) throws IOException {
        Map<String, List<String>> options = parse(args);
        if (!options.containsKey("boundary") || !options.containsKey("roads") || !options.containsKey("out")) {
            System.err.println("usage: DemoAreaBuilder --boundary FILE [--boundary-code CODE] --roads FILE [--roads FILE ...]"
                    + " [--crime-dir DIR] [--lsoa-prefix PREFIX] --out DIR [--anpr N] [--cctv N] [--sites N]"
                    + " [--approach-metres M] [--seed N]");
            System.exit(2);
        }
        new DemoAreaBuilder().build(options);
    }

    void build(Map<String, List<String>> o) throws IOException {
        Path out = Path.of(one(o, "out", null));
        Files.createDirectories(out);
        Boundary boundary = boundary(Path.of(one(o, "boundary", null)), Optional.ofNullable(one(o, "boundary-code", null)));
        MetricProjection metric = projections.forArea(boundary.area().getEnvelopeInternal());
        Boundary simplified = new Boundary(boundary.code(), boundary.name(),
                metric.unproject(TopologyPreservingSimplifier.simplify(metric.project(boundary.area()), 10.0)));
        write(out.resolve("boundary.geojson"), BoundaryFeatures.SCHEMA, List.of(BoundaryFeatures.toFeature(simplified, 1)));

        double approach = Double.parseDouble(one(o, "approach-metres", "3000"));
        PreparedGeometry near = PreparedGeometryFactory.prepare(
                metric.unproject(metric.project(boundary.area()).buffer(approach)));
        List<RoadSegment> roads = new ArrayList<>();
        for (String file : o.get("roads")) {
            Path p = Path.of(file);
            report(files.read(p, Optional.empty(), Optional.empty(), RoadFeatures.mapper(p.getFileName().toString()), s -> {
                if (ArterialSelection.DEFAULT.isArterial(s) && near.intersects(s.geometry())) {
                    roads.add(s);
                }
            }, ReadListener.NONE));
        }
        write(out.resolve("roads.geojson"), RoadFeatures.SCHEMA, roads.stream().map(r -> RoadFeatures.toFeature(r, 0)).toList());

        List<ArterialRoute> routes = ArterialSelection.DEFAULT.routes(roads);
        List<BoroughCrossing> crossings = new CrossingFinder(projections).find(boundary, routes);
        write(out.resolve("crossings.geojson"), new FeatureSchema("crossings", "Point", List.of()),
                crossings.stream().map(DemoAreaBuilder::crossingFeature).toList());

        long seed = Long.parseLong(one(o, "seed", "4"));
        DemoEstate estate = new DemoEstate(metric, boundary, seed);
        List<Camera> cameras = new ArrayList<>(estate.anpr(crossings, Integer.parseInt(one(o, "anpr", "12"))));
        cameras.addAll(estate.cctv(roads, Integer.parseInt(one(o, "cctv", "40"))));
        write(out.resolve("cameras.geojson"), CameraFeatures.SCHEMA,
                cameras.stream().map(c -> CameraFeatures.toFeature(c, 0)).toList());

        if (o.containsKey("crime-dir")) {
            List<CrimePoint> points = crimePoints(Path.of(one(o, "crime-dir", null)),
                    Optional.ofNullable(one(o, "lsoa-prefix", null)), boundary);
            // map points with a single record over the whole period add bulk but little to a demo map
            write(out.resolve("crime-points.geojson"), new FeatureSchema("crime_points", "Point", List.of()),
                    points.stream().filter(p -> p.total >= MIN_RECORDS_PER_POINT).map(DemoAreaBuilder::crimeFeature).toList());
            PreparedGeometry inside = PreparedGeometryFactory.prepare(boundary.area());
            List<CandidateSite> sites = estate.sites(points.stream()
                    .filter(p -> inside.covers(Wgs84.point(p.position))).toList(), Integer.parseInt(one(o, "sites", "300")));
            write(out.resolve("candidate-sites.geojson"), CandidateSiteFeatures.SCHEMA,
                    sites.stream().map(s -> CandidateSiteFeatures.toFeature(s, 0)).toList());
        }
        System.out.printf(Locale.ROOT, "%s (%s): %d arterial segments, %d crossings, %d cameras -> %s%n",
                boundary.name(), boundary.code(), roads.size(), crossings.size(), cameras.size(), out);
    }

    private Boundary boundary(Path file, Optional<String> code) {
        List<Boundary> found = new ArrayList<>();
        report(files.read(file, Optional.empty(), Optional.empty(), BoundaryFeatures.mapper(Optional.empty(), Optional.empty()),
                b -> {
                    if (code.isEmpty() || code.get().equals(b.code())) {
                        found.add(b);
                    }
                }, ReadListener.NONE));
        if (found.size() != 1) {
            throw new IllegalArgumentException(file + " holds " + found.size() + " boundaries"
                    + code.map(c -> " with code " + c).orElse("") + "; name exactly one with --boundary-code");
        }
        return found.get(0);
    }

    private List<CrimePoint> crimePoints(Path dir, Optional<String> lsoaPrefix, Boundary boundary) throws IOException {
        CrimeFilter filter = CrimeFilter.ALL.withArea(lsoaPrefix.map(AreaFilter::lsoaNamePrefix)
                .orElse(AreaFilter.within(boundary.area())));
        Map<String, CrimePoint> byPoint = new HashMap<>();
        PoliceUkCrimeCsvReader reader = new PoliceUkCrimeCsvReader();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path f : list.filter(p -> p.getFileName().toString().matches(".*\\.csv(\\.gz)?")).sorted().toList()) {
                report(reader.read(f, filter, r -> byPoint.computeIfAbsent(r.position().lonDegrees() + "," + r.position().latDegrees(),
                        k -> new CrimePoint(r.position(), r.location())).add(r.crimeType(), r.month())));
            }
        }
        List<CrimePoint> points = new ArrayList<>(byPoint.values());
        points.sort(Comparator.comparingInt((CrimePoint p) -> -p.total)
                .thenComparingDouble(p -> p.position.lonDegrees()).thenComparingDouble(p -> p.position.latDegrees()));
        return points;
    }

    private static GeoFeature crossingFeature(BoroughCrossing c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("boundary_code", c.boundaryCode());
        p.put("road_number", c.roadNumber());
        p.put("route_name", c.routeName());
        p.put("segment_ids", c.segmentIds());
        p.put("inbound_bearing_degrees", Math.round(c.inboundBearing().degrees() * 10) / 10.0);
        p.put("inbound", c.inboundCompassPoint());
        p.put("flow", c.flow().name().toLowerCase(Locale.ROOT));
        return new GeoFeature(0, Wgs84.point(c.position()), p);
    }

    private static GeoFeature crimeFeature(CrimePoint c) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("location", c.location);
        p.put("total", c.total);
        p.put("first_month", c.first.toString());
        p.put("last_month", c.last.toString());
        p.put("top_types", String.join("; ", c.byType.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(3)
                .map(e -> e.getKey() + "=" + e.getValue()).toList()));
        return new GeoFeature(0, Wgs84.point(c.position), p);
    }

    private void write(Path file, FeatureSchema schema, List<GeoFeature> features) throws IOException {
        try (FeatureWriter w = files.writer(file, FeatureFormat.GEOJSON, schema, Map.of("attribution", ATTRIBUTION,
                "generator", "Sightline DemoAreaBuilder"))) {
            for (GeoFeature f : features) {
                w.write(f);
            }
        }
        System.out.printf(Locale.ROOT, "  wrote %s: %d features, %d bytes%n", file.getFileName(), features.size(), Files.size(file));
    }

    private static void report(ReadSummary s) {
        if (!s.complete() || s.rowsRejected() > 0) {
            System.err.println("  " + s.describe());
            s.problems().stream().limit(5).forEach(p -> System.err.println("    " + p));
        }
    }

    private static String one(Map<String, List<String>> o, String key, String fallback) {
        List<String> v = o.get(key);
        return v == null || v.isEmpty() ? fallback : v.get(0);
    }

    static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, found '" + args[i] + "'");
            }
            out.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[++i]);
        }
        return out;
    }
}
