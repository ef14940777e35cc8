package org.sightline.planner.plan.application;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.demand.domain.Demand;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.demand.domain.MonthRanges;
import org.sightline.planner.hotspot.domain.Hotspots;
import org.sightline.planner.plan.domain.PlanOutcome;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.plan.domain.SiteRecommendation;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.Pick;
import org.sightline.planner.siting.domain.PlanLimit;
import org.sightline.planner.siting.domain.SitingInstance;
import org.sightline.planner.siting.domain.SitingResult;

/**
 * Turns a solver's answer into what a planner reads: each recommended site with the records its
 * view holds, its marginal gain and the share of the hotspot it covers most of (hotspots are the
 * connected significant Gi* clusters of the plan's own demand, named after their streets), the
 * coverage curve, the records each crime type adds, each hotspot's coverage and the notes that
 * explain a short plan. Not thread-safe; one per plan.
 */
final class PlanOutcomes {

    /** A hotspot share below this is not worth a mention in a site's explanation. */
    private static final double MENTION_SHARE = 0.005;

    private final PlanRequest request;
    private final SitingInstance in;
    private final Demand demand;
    private final String footprintSource;
    private final Hotspots hotspots;

    PlanOutcomes(PlanRequest request, SitingInstance instance, String footprintSource) {
        this.request = request;
        this.in = instance;
        this.demand = instance.demand();
        this.footprintSource = footprintSource;
        this.hotspots = Hotspots.of(demand);
    }

    /**
     * The outcome of {@code result}; {@code candidates} says which sites were considered and
     * {@code candidateNotes} what the site filter did (they come first among the notes).
     */
    PlanOutcome of(SitingResult result, long records, String candidates, List<String> candidateNotes) {
        double total = demand.totalWeight();
        long months = ChronoUnit.MONTHS.between(request.months().first(), request.months().last()) + 1;
        GeometryFactory metric = new GeometryFactory();
        List<SiteRecommendation> sites = new ArrayList<>();
        List<PlanOutcome.CurvePoint> curve = new ArrayList<>();
        curve.add(new PlanOutcome.CurvePoint(0, 0, result.existingWeight() / total));
        boolean[] covered = in.coveredByExisting().clone();
        double cost = 0;
        for (Pick p : result.picks()) {
            Candidate site = in.siteOf(p.option());
            int[] points = in.optionCovers()[p.option()];
            Map<String, Integer> byType = countByType(points);
            for (int point : points) {
                covered[point] = true;
            }
            double[] inHotspot = hotspots.coveredWeight(demand, points);
            int best = -1;
            for (int h = 0; h < inHotspot.length; h++) {
                if (inHotspot[h] > 0 && (best < 0 || inHotspot[h] > inHotspot[best])) {
                    best = h;
                }
            }
            Hotspots.Hotspot hotspot = best < 0 ? null : hotspots.list().get(best);
            double hotspotShare = hotspot == null ? 0 : inHotspot[best] / hotspot.weight();
            List<LonLat> ring = new ArrayList<>();
            for (Coordinate c : in.visibleSectorOf(p.option(), metric).getCoordinates()) {
                ring.add(demand.projection().unproject(new GridPoint(c.x, c.y)));
            }
            cost += p.costGbp();
            String explanation = explain(byType, months, hotspotClause(hotspot, hotspotShare), p.marginalGain(), total);
            sites.add(new SiteRecommendation(sites.size() + 1, site.id(), site.source(), site.position(),
                    p.azimuthDegrees(), p.costGbp(), byType, p.marginalGain(), p.marginalGain() / total,
                    p.cumulativeCovered() / total, hotspotShare >= MENTION_SHARE ? hotspot.name() : "",
                    hotspotShare >= MENTION_SHARE ? hotspotShare : 0, explanation, ring));
            curve.add(new PlanOutcome.CurvePoint(sites.size(), cost, p.cumulativeCovered() / total));
        }
        return new PlanOutcome(sites, curve, result.solver(), result.status(), result.seconds(), total,
                result.existingWeight() / total, result.coveredShare(),
                Double.isNaN(result.upperBound()) ? Double.NaN : result.upperBound() / total, result.gap(), records,
                demand.size(), in.sites().size(), in.existing().size(), demandText(), cameraText(), occlusionText(),
                request.siteFilter(), candidates, countByType(allPoints()), countAdded(covered), hotspotCoverage(covered),
                notes(result, candidateNotes));
    }

    private Map<String, Integer> countByType(int[] points) {
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (int t = 0; t < demand.types().size(); t++) {
            int n = 0;
            for (int point : points) {
                n += demand.count(point, t);
            }
            if (n > 0) {
                byType.put(demand.types().get(t), n);
            }
        }
        return byType;
    }

    private int[] allPoints() {
        int[] all = new int[demand.size()];
        for (int p = 0; p < all.length; p++) {
            all[p] = p;
        }
        return all;
    }

    /** Records at points the new cameras cover and the existing ones did not. */
    private Map<String, Integer> countAdded(boolean[] coveredNow) {
        boolean[] before = in.coveredByExisting();
        int n = 0;
        for (int p = 0; p < coveredNow.length; p++) {
            n += coveredNow[p] && !before[p] ? 1 : 0;
        }
        int[] added = new int[n];
        int k = 0;
        for (int p = 0; p < coveredNow.length; p++) {
            if (coveredNow[p] && !before[p]) {
                added[k++] = p;
            }
        }
        return countByType(added);
    }

    private List<PlanOutcome.HotspotCoverage> hotspotCoverage(boolean[] coveredNow) {
        double total = demand.totalWeight();
        double[] existing = new double[hotspots.list().size()];
        double[] now = new double[existing.length];
        for (int p = 0; p < demand.size(); p++) {
            int h = hotspots.hotspotOf(p);
            if (h >= 0) {
                existing[h] += in.coveredByExisting()[p] ? demand.weight(p) : 0;
                now[h] += coveredNow[p] ? demand.weight(p) : 0;
            }
        }
        List<PlanOutcome.HotspotCoverage> out = new ArrayList<>();
        for (int h = 0; h < existing.length; h++) {
            Hotspots.Hotspot s = hotspots.list().get(h);
            out.add(new PlanOutcome.HotspotCoverage(s.rank(), s.name(), s.cells(), s.areaKm2(), s.records(), s.weight(),
                    s.weight() / total, existing[h] / s.weight(), now[h] / s.weight(), s.centre()));
        }
        return out;
    }

    private List<String> notes(SitingResult result, List<String> candidateNotes) {
        List<String> notes = new ArrayList<>(candidateNotes);
        if (result.picks().isEmpty()) {
            notes.add("no new camera adds coverage: every reachable crime is already covered or no site reaches one");
        } else if (request.limit() instanceof PlanLimit.CameraCount k && result.picks().size() < k.cameras()) {
            notes.add(String.format(Locale.ROOT, "only %d of %d cameras add coverage; the others would cover nothing new",
                    result.picks().size(), k.cameras()));
        }
        if (hotspots.list().isEmpty()) {
            notes.add("no significant hotspot (Gi* within 100 m, FDR 5 %) in these records: crime is spread thinly");
        }
        return notes;
    }

    private String cameraText() {
        CameraSpec cam = request.camera();
        return String.format(Locale.ROOT, "%s %.0f° lens, %d px, %.1f m mast, %s: covers %.0f m",
                cam.ptz() ? "PTZ" : "fixed", cam.horizontalFovDegrees(), cam.widthPixels(), cam.mountHeightMetres(),
                cam.dori().name().toLowerCase(Locale.ROOT), cam.groundRangeMetres());
    }

    private String demandText() {
        DemandSpec ds = demand.spec();
        return String.format(Locale.ROOT, "%s, %s; recency half-life %s; smoothing %.0f m × %.1f%s",
                MonthRanges.format(request.months()), weightsText(),
                ds.recencyHalfLifeMonths() == 0 ? "off" : String.format(Locale.ROOT, "%.0f months", ds.recencyHalfLifeMonths()),
                ds.smoothingBandwidthMetres(), ds.smoothingShare(),
                ds.vulnerabilityByLsoa().isEmpty() ? "" : "; vulnerability weights for " + ds.vulnerabilityByLsoa().size() + " LSOAs");
    }

    private String occlusionText() {
        if (in.occlusion().isEmpty()) {
            return footprintSource.isEmpty() ? "no building footprints: open ground assumed"
                    : footprintSource + ": no footprints near the area, open ground assumed";
        }
        int n = in.occlusion().size();
        return String.format(Locale.ROOT, "%,d building footprint%s from %s block%s the view", n, n == 1 ? "" : "s",
                footprintSource.isEmpty() ? "the given layer" : footprintSource, n == 1 ? "s" : "");
    }

    private String weightsText() {
        List<String> parts = new ArrayList<>();
        request.weights().byType().forEach((t, w) -> parts.add(w == 1 ? t : String.format(Locale.ROOT, "%s ×%.2g", t, w)));
        return String.join(", ", parts);
    }

    /** "; 12 % of the hotspot around Marl Road" or "; in no significant hotspot". */
    static String hotspotClause(Hotspots.Hotspot hotspot, double share) {
        if (hotspot == null || share < MENTION_SHARE) {
            return "; in no significant hotspot";
        }
        String pct = share < 0.01 ? "under 1 %" : String.format(Locale.ROOT, "%.0f %%", 100 * share);
        return "; " + pct + " of the hotspot around " + hotspot.name();
    }

    /**
     * "31 vehicle crimes and 54 ASB reports in 24 months within its sector; 12 % of the hotspot
     * around Marl Road; marginal gain 5.2 (1.3 % of the area's demand)".
     */
    static String explain(Map<String, Integer> byType, long months, String hotspotClause, double gain, double total) {
        List<Map.Entry<String, Integer>> top = byType.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).toList();
        List<String> parts = new ArrayList<>();
        int others = 0;
        for (int i = 0; i < top.size(); i++) {
            if (i < 3) {
                parts.add(top.get(i).getValue() + " " + CrimeTypes.pluralLabel(top.get(i).getKey()));
            } else {
                others += top.get(i).getValue();
            }
        }
        if (others > 0) {
            parts.add(others + " other priority crimes");
        }
        String listed = parts.isEmpty() ? "no recorded crime"
                : parts.size() == 1 ? parts.get(0)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
        return String.format(Locale.ROOT, "%s in %d months within its sector%s; marginal gain %.1f (%.1f %% of the area's demand)",
                listed, months, hotspotClause, gain, 100 * gain / total);
    }
}
