package org.sightline.planner.siting.domain;

import java.util.List;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.coverage.domain.Occlusion;
import org.sightline.planner.demand.domain.Demand;

/**
 * The sparse coverage of one planning problem: for every option (a candidate site with one
 * azimuth), the demand points its sector covers, sorted; and which points the locked existing
 * cameras already cover; and the buildings that limited every camera's view. Built once by
 * {@link CoverageBuilder} and shared by every solver.
 */
public record SitingInstance(
        Demand demand,
        CameraSpec spec,
        List<Candidate> sites,
        List<ExistingCamera> existing,
        int[] optionSite,
        double[] optionAzimuthDegrees,
        int[][] optionCovers,
        boolean[] coveredByExisting,
        Occlusion occlusion) {

    /** Number of options (site × azimuth pairs that cover at least one point). */
    public int optionCount() {
        return optionSite.length;
    }

    /** Total stored coverage entries (the size of the sparse matrix). */
    public long coverageEntries() {
        long n = 0;
        for (int[] c : optionCovers) {
            n += c.length;
        }
        return n;
    }

    /** The site of an option. */
    public Candidate siteOf(int option) {
        return sites.get(optionSite[option]);
    }

    /** The sector of an option. */
    public CoverageSector sectorOf(int option) {
        return CoverageSector.of(spec, siteOf(option).at(), optionAzimuthDegrees[option]);
    }

    /** The ground an option sees, in the demand's metric CRS: its sector, cut at the first wall on every bearing. */
    public Polygon visibleSectorOf(int option, GeometryFactory factory) {
        CoverageSector sector = sectorOf(option);
        return sector.toVisiblePolygon(factory, occlusion.from(sector.apex(), sector.radiusMetres()));
    }

    /** Demand weight already covered by the existing cameras. */
    public double existingWeight() {
        double s = 0;
        for (int p = 0; p < coveredByExisting.length; p++) {
            if (coveredByExisting[p]) {
                s += demand.weight(p);
            }
        }
        return s;
    }
}
