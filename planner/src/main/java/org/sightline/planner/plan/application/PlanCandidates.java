package org.sightline.planner.plan.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.road.domain.RoadSegment;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.planner.plan.domain.PlanRequest;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CandidateGenerator;
import org.sightline.planner.siting.domain.SiteFilter;

/**
 * The candidate sites of one plan: the surveyed sites in the area that the request's
 * {@link SiteFilter} keeps and, when asked, sites generated at crime map points and road junctions,
 * with notes that say what the filter dropped and why.
 *
 * <p>Generated sites have no survey facts, so the filter cannot judge them: they are kept (their
 * cost stands for a new column with its own power and link) and a note says so; a planner who wants
 * the filter applied to every site plans on surveyed sites only ({@code generateCandidates} false).
 * A generated site where a surveyed one was dropped is dropped too: the survey has already said
 * no to that very place, and a generated site there would bring it back at the default cost.
 */
final class PlanCandidates {

    /** A road junction closer than this to another candidate (or the minimum spacing, if larger) is not added. */
    static final double MIN_JUNCTION_SEPARATION_METRES = 20;

    /** The candidates, what they are ("surveyed sites with pole and power; …") and notes for the planner. */
    record Chosen(List<Candidate> candidates, String description, List<String> notes, int surveyedDropped) {
        Chosen {
            candidates = List.copyOf(candidates);
            notes = List.copyOf(notes);
        }
    }

    private PlanCandidates() {
    }

    static Chosen of(PlanRequest request, List<CandidateSite> surveyed, List<CrimeRecord> crimes,
                     List<RoadSegment> roads, PreparedGeometry area,
                     MetricProjection projection) {
        SiteFilter filter = request.siteFilter();
        List<Candidate> kept = new ArrayList<>();
        List<Candidate> dropped = new ArrayList<>();
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (CandidateSite s : surveyed) {
            if (!area.covers(Wgs84.point(s.position()))) {
                continue;
            }
            Candidate c = new Candidate(s.id().value(), s.position(), projection.project(s.position()), s.costGbp(),
                    s.source().isEmpty() ? "surveyed" : s.source());
            Optional<String> why = filter.rejects(s.constraints());
            if (why.isPresent()) {
                dropped.add(c);
                reasons.merge(why.get(), 1, Integer::sum);
            } else {
                kept.add(c);
            }
        }
        List<String> notes = new ArrayList<>();
        if (!filter.isEmpty()) {
            notes.add(droppedNote(filter, kept.size(), dropped.size(), reasons));
        }
        List<Candidate> out = new ArrayList<>(kept);
        if (request.generateCandidates()) {
            // rejected surveyed sites still take part in the nearness test, so nothing is generated on them
            List<Candidate> blocking = new ArrayList<>(kept);
            blocking.addAll(dropped);
            Map<LonLat, String> locations = new LinkedHashMap<>();
            crimes.forEach(r -> locations.putIfAbsent(r.position(), r.location()));
            CandidateGenerator generator = new CandidateGenerator(projection, request.generatedSiteCostGbp());
            List<Candidate> mapPoints = generator.mapPoints(locations);
            // a surveyed site at a map point (same place within a metre) stands for it, with its real cost
            List<Candidate> points = CandidateGenerator.apartFrom(blocking, mapPoints, 1.0);
            int atDropped = dropped.isEmpty() ? 0
                    : Math.max(0, CandidateGenerator.apartFrom(kept, mapPoints, 1.0).size() - points.size());
            out.addAll(points);
            blocking.addAll(points);
            List<Candidate> junctions = generator.junctions(roads).stream()
                    .filter(c -> area.covers(Wgs84.point(c.position()))).toList();
            double apart = Math.max(request.minSpacingMetres(), MIN_JUNCTION_SEPARATION_METRES);
            List<Candidate> nodes = CandidateGenerator.apartFrom(blocking, junctions, apart);
            if (!dropped.isEmpty()) {
                List<Candidate> withoutDropped = new ArrayList<>(kept);
                withoutDropped.addAll(points);
                atDropped += Math.max(0, CandidateGenerator.apartFrom(withoutDropped, junctions, apart).size() - nodes.size());
            }
            out.addAll(nodes);
            if (!filter.isEmpty()) {
                int generated = points.size() + nodes.size();
                notes.add(String.format(Locale.ROOT, "the site filter applies to surveyed sites: %,d generated site%s "
                        + "(map points, road junctions) %s no survey facts and %s kept at £%,.0f each; plan with surveyed "
                        + "sites only to apply it to every site", generated, generated == 1 ? "" : "s",
                        generated == 1 ? "has" : "have", generated == 1 ? "was" : "were", request.generatedSiteCostGbp()));
                if (atDropped > 0) {
                    notes.add(String.format(Locale.ROOT, "%,d generated site%s at or beside dropped surveyed sites %s "
                            + "left out too", atDropped, atDropped == 1 ? "" : "s", atDropped == 1 ? "was" : "were"));
                }
            }
        }
        return new Chosen(out, description(request), notes, dropped.size());
    }

    /** "412 of 600 surveyed sites dropped by the site filter (with pole and power): 300 no power, 112 no pole". */
    private static String droppedNote(SiteFilter filter, int kept, int dropped, Map<String, Integer> reasons) {
        int all = kept + dropped;
        if (dropped == 0) {
            return String.format(Locale.ROOT, "the site filter (%s) kept all %,d surveyed site%s", filter.describe(), all,
                    all == 1 ? "" : "s");
        }
        List<String> parts = new ArrayList<>();
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> parts.add(String.format(Locale.ROOT, "%,d %s", e.getValue(), e.getKey())));
        return String.format(Locale.ROOT, "%,d of %,d surveyed sites dropped by the site filter (%s): %s", dropped, all,
                filter.describe(), String.join(", ", parts));
    }

    /** Which sites the plan chose from, for the plan and for comparing scenarios. */
    static String description(PlanRequest request) {
        SiteFilter f = request.siteFilter();
        String surveyed = f.isEmpty() ? "surveyed sites" : "surveyed sites " + f.describe();
        return request.generateCandidates()
                ? surveyed + (f.isEmpty() ? " and" : ";") + " generated sites (map points, road junctions)"
                        + (f.isEmpty() ? "" : " unfiltered")
                : "only " + surveyed;
    }
}
