package org.sightline.planner.plan.domain;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.site.domain.CandidateSite;

/**
 * What a plan is computed from, wherever it was read: the area (WGS84 polygon), the crimes inside
 * it, the cameras already there, the surveyed candidate sites, the road network around it (for
 * junction sites) and the building footprints that block views (WGS84 polygons; empty when none
 * were given), with a line saying where the footprints came from.
 */
public record PlanInputs(Geometry area, List<CrimeRecord> crimes, List<Camera> cameras, List<CandidateSite> sites,
                         List<RoadSegment> roads, List<Polygon> footprints, String footprintSource) {

    public PlanInputs {
        Objects.requireNonNull(area, "area");
        crimes = List.copyOf(crimes);
        cameras = List.copyOf(cameras);
        sites = List.copyOf(sites);
        roads = List.copyOf(roads);
        footprints = List.copyOf(footprints);
        footprintSource = footprintSource == null ? "" : footprintSource;
    }

    /** Inputs without roads or buildings. */
    public PlanInputs(Geometry area, List<CrimeRecord> crimes, List<Camera> cameras, List<CandidateSite> sites) {
        this(area, crimes, cameras, sites, List.of(), List.of(), "");
    }

    /** A copy with building footprints from {@code source}. */
    public PlanInputs withFootprints(List<Polygon> wgs84, String source) {
        return new PlanInputs(area, crimes, cameras, sites, roads, wgs84, source);
    }
}
