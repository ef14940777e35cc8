package org.sightline.planner.siting.domain;

import java.util.ArrayList;
import java.util.List;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.CoverageSector;
import org.sightline.planner.coverage.domain.Occlusion;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.grid.domain.PointIndex;

/**
 * Builds the sparse coverage of candidate sites × discrete azimuths over the demand points. Each
 * site asks a uniform-grid index for the points within the camera's ground range (one query per
 * site, not per option), then sorts them into the azimuth sectors. A fixed camera gets
 * {@code azimuths} evenly spaced directions starting at north; a PTZ camera one all-round option.
 * With an {@link Occlusion} layer, points hidden behind buildings are dropped once per site,
 * before they are sorted into sectors (line of sight does not depend on the azimuth).
 */
public final class CoverageBuilder {

    private final int azimuths;

    /** @param azimuths directions tried per fixed-camera site, 1..72 */
    public CoverageBuilder(int azimuths) {
        if (azimuths < 1 || azimuths > 72) {
            throw new IllegalArgumentException("azimuths per site must be 1..72, was " + azimuths);
        }
        this.azimuths = azimuths;
    }

    /** The coverage of {@code sites} (new cameras of {@code spec}) and of the locked existing cameras, with no buildings. */
    public SitingInstance build(Demand demand, CameraSpec spec, List<Candidate> sites, List<ExistingCamera> existing) {
        return build(demand, spec, sites, existing, Occlusion.none());
    }

    /**
     * The coverage of {@code sites} (new cameras of {@code spec}) and of the locked existing cameras,
     * each seeing only what {@code occlusion} leaves in its line of sight.
     */
    public SitingInstance build(Demand demand, CameraSpec spec, List<Candidate> sites, List<ExistingCamera> existing,
                                Occlusion occlusion) {
        double range = spec.groundRangeMetres();
        PointIndex index = new PointIndex(demand.xs(), demand.ys(), Math.max(25, range));
        int directions = spec.ptz() ? 1 : azimuths;
        List<int[]> covers = new ArrayList<>();
        List<Integer> siteOf = new ArrayList<>();
        List<Double> azimuthOf = new ArrayList<>();
        int[][] buckets = new int[directions][];
        int[] fill = new int[directions];
        List<Integer> near = new ArrayList<>();
        for (int s = 0; s < sites.size(); s++) {
            Candidate site = sites.get(s);
            near.clear();
            index.forEachWithin(site.at().eastingMetres(), site.at().northingMetres(), range, near::add);
            if (!near.isEmpty() && !occlusion.isEmpty()) {
                Occlusion.Sightlines sight = occlusion.from(site.at(), range);
                near.removeIf(p -> !sight.sees(demand.x(p), demand.y(p)));
            }
            if (near.isEmpty()) {
                continue;
            }
            for (int a = 0; a < directions; a++) {
                buckets[a] = new int[near.size()];
                fill[a] = 0;
            }
            for (int a = 0; a < directions; a++) {
                CoverageSector sector = CoverageSector.of(spec, site.at(), 360.0 * a / directions);
                for (int p : near) {
                    if (sector.contains(demand.x(p), demand.y(p))) {
                        buckets[a][fill[a]++] = p;
                    }
                }
            }
            for (int a = 0; a < directions; a++) {
                if (fill[a] > 0) {
                    int[] c = java.util.Arrays.copyOf(buckets[a], fill[a]);
                    java.util.Arrays.sort(c);
                    covers.add(c);
                    siteOf.add(s);
                    azimuthOf.add(360.0 * a / directions);
                }
            }
        }
        boolean[] coveredByExisting = new boolean[demand.size()];
        for (ExistingCamera camera : existing) {
            CoverageSector sector = CoverageSector.of(camera.spec(), camera.at(), camera.azimuthDegrees());
            Occlusion.Sightlines sight = occlusion.from(camera.at(), camera.spec().groundRangeMetres());
            index.forEachWithin(camera.at().eastingMetres(), camera.at().northingMetres(),
                    camera.spec().groundRangeMetres(), p -> {
                        if (sector.contains(demand.x(p), demand.y(p)) && sight.sees(demand.x(p), demand.y(p))) {
                            coveredByExisting[p] = true;
                        }
                    });
        }
        int n = covers.size();
        int[] optionSite = new int[n];
        double[] optionAzimuth = new double[n];
        for (int i = 0; i < n; i++) {
            optionSite[i] = siteOf.get(i);
            optionAzimuth[i] = azimuthOf.get(i);
        }
        return new SitingInstance(demand, spec, List.copyOf(sites), List.copyOf(existing), optionSite, optionAzimuth,
                covers.toArray(new int[0][]), coveredByExisting, occlusion);
    }
}
