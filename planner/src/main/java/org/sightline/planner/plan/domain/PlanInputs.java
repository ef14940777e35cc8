package org.sightline.planner.plan.domain;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.site.domain.CandidateSite;

/**
 * What a plan is computed from, wherever it was read: the area (WGS84 polygon), the crimes inside
 * it, the cameras already there and the surveyed candidate sites.
 */
public record PlanInputs(Geometry area, List<CrimeRecord> crimes, List<Camera> cameras, List<CandidateSite> sites) {

    public PlanInputs {
        Objects.requireNonNull(area, "area");
        crimes = List.copyOf(crimes);
        cameras = List.copyOf(cameras);
        sites = List.copyOf(sites);
    }
}
