package org.sightline.geo.demo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.Deployment;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.camera.domain.Resolution;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crossing.domain.BoroughCrossing;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.geo.site.domain.SiteId;

/**
 * Generates a plausible (synthetic) camera estate and candidate-site list for a demo area, all
 * derived deterministically from the seed: ANPR cameras just inside the borough at arterial
 * crossings, looking out so they read inbound traffic, CCTV cameras spread along the arterial
 * roads inside the borough, candidate sites at the busiest police.uk map points.
 */
final class DemoEstate {

    /** How far inside the boundary an ANPR camera stands. */
    private static final double ANPR_SETBACK_METRES = 120;

    /** Crossings closer than this share one ANPR site. */
    private static final double MIN_ANPR_SPACING_METRES = 500;

    private final MetricProjection metric;
    private final Boundary borough;
    private final Random random;
    private final String prefix;
    private final Geometry area;

    DemoEstate(MetricProjection metric, Boundary borough, long seed) {
        this.metric = metric;
        this.borough = borough;
        this.random = new Random(seed);
        this.prefix = borough.code();
        this.area = metric.project(borough.area());
    }

    /**
     * One ANPR camera per crossing, motorways first, skipping crossings within
     * {@link #MIN_ANPR_SPACING_METRES} of one already covered (a road clipping a corner of the area).
     */
    List<Camera> anpr(List<BoroughCrossing> crossings, int count) {
        List<BoroughCrossing> ordered = new ArrayList<>(crossings);
        ordered.sort(java.util.Comparator.comparing((BoroughCrossing c) -> !c.roadNumber().startsWith("M"))
                .thenComparing(BoroughCrossing::roadNumber));
        List<Camera> out = new ArrayList<>();
        List<GridPoint> covered = new ArrayList<>();
        for (BoroughCrossing c : ordered) {
            if (out.size() == count) {
                break;
            }
            GridPoint at = metric.project(c.position());
            if (covered.stream().anyMatch(g -> g.distanceMetres(at) < MIN_ANPR_SPACING_METRES)) {
                continue;
            }
            covered.add(at);
            double rad = Math.toRadians(c.inboundBearing().degrees());
            GridPoint inside = new GridPoint(at.eastingMetres() + ANPR_SETBACK_METRES * Math.sin(rad),
                    at.northingMetres() + ANPR_SETBACK_METRES * Math.cos(rad));
            // a road clipping a sliver of the area leaves it again within the setback: no site there
            if (!area.contains(area.getFactory().createPoint(new Coordinate(inside.eastingMetres(), inside.northingMetres())))) {
                continue;
            }
            int n = out.size() + 1;
            String id = String.format("%s-ANPR-%02d", prefix, n);
            out.add(new Camera(new CameraId(id), Optional.of(new UnitId(String.format("%s-U-%02d", prefix, n))),
                    metric.unproject(inside), CameraKind.ANPR, Deployment.OVERT, 6.0, c.inboundBearing().reversed(),
                    30, new Resolution(1920, 1080), EquipmentStatus.ACTIVE));
        }
        return out;
    }

    /** CCTV cameras at even spacing along the arterial roads inside the borough. */
    List<Camera> cctv(Collection<RoadSegment> arterials, int count) {
        List<LineString> inside = new ArrayList<>();
        double total = 0;
        for (RoadSegment s : arterials) {
            Geometry clipped = metric.project(s.geometry()).intersection(area);
            for (int i = 0; i < clipped.getNumGeometries(); i++) {
                if (clipped.getGeometryN(i) instanceof LineString l && l.getLength() > 50) {
                    inside.add(l);
                    total += l.getLength();
                }
            }
        }
        List<Camera> out = new ArrayList<>();
        if (inside.isEmpty() || count == 0) {
            return out;
        }
        double spacing = total / count;
        double next = spacing / 2;
        double walked = 0;
        for (LineString l : inside) {
            LengthIndexedLine line = new LengthIndexedLine(l);
            while (next <= walked + l.getLength() && out.size() < count) {
                double at = next - walked;
                Coordinate p = line.extractPoint(at);
                Coordinate q = line.extractPoint(Math.min(l.getLength(), at + 5));
                Coordinate r = line.extractPoint(Math.max(0, at - 5));
                Bearing along = Bearing.between(new GridPoint(r.x, r.y), new GridPoint(q.x, q.y));
                // set back from the carriageway edge and looking along the road, one way or the other
                double side = random.nextBoolean() ? 12 : -12;
                double rad = Math.toRadians(along.degrees() + 90);
                GridPoint mount = new GridPoint(p.x + side * Math.sin(rad), p.y + side * Math.cos(rad));
                Bearing azimuth = Bearing.normalised((random.nextBoolean() ? along.degrees() : along.degrees() + 180)
                        + random.nextGaussian() * 10);
                int n = out.size() + 1;
                out.add(new Camera(new CameraId(String.format("%s-CCTV-%02d", prefix, n)), Optional.empty(),
                        metric.unproject(mount), CameraKind.CCTV, n % 10 == 0 ? Deployment.COVERT : Deployment.OVERT,
                        8.0, azimuth, 60, new Resolution(2560, 1440),
                        n % 17 == 0 ? EquipmentStatus.FAULTY : EquipmentStatus.ACTIVE));
                next += spacing;
            }
            walked += l.getLength();
        }
        return out;
    }

    /** Sites at the map points with the most records, with made-up but plausible cost and constraints. */
    List<CandidateSite> sites(List<CrimePoint> busiestFirst, int count) {
        List<CandidateSite> out = new ArrayList<>();
        for (CrimePoint p : busiestFirst) {
            if (out.size() == count) {
                break;
            }
            Set<SiteConstraint> constraints = EnumSet.noneOf(SiteConstraint.class);
            boolean pole = random.nextDouble() < 0.6;
            constraints.add(pole ? SiteConstraint.POLE_AVAILABLE : SiteConstraint.NEEDS_NEW_POLE);
            if (random.nextDouble() < 0.55) {
                constraints.add(SiteConstraint.POWER_AVAILABLE);
            }
            if (random.nextDouble() < 0.3) {
                constraints.add(SiteConstraint.NETWORK_AVAILABLE);
            }
            if (random.nextDouble() < 0.1) {
                constraints.add(SiteConstraint.NEEDS_PERMISSION);
            }
            double cost = 2500 + (pole ? 0 : 3500) + (constraints.contains(SiteConstraint.POWER_AVAILABLE) ? 0 : 1800)
                    + Math.round(random.nextDouble() * 10) * 100;
            out.add(new CandidateSite(new SiteId(String.format("%s-S%04d", prefix, out.size() + 1)),
                    round(p.position), cost, constraints, "police.uk map point"));
        }
        return out;
    }

    private static LonLat round(LonLat p) {
        return new LonLat(Math.round(p.lonDegrees() * 1e6) / 1e6, Math.round(p.latDegrees() * 1e6) / 1e6);
    }
}
