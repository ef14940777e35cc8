package org.sightline.planner.plan.adapter.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Saved plans side by side ({@code GET /api/plans/compare}): for each plan (lettered A, B, …) its
 * objective, cameras, cost, solver and gap, the records each crime type it adds to what existing
 * cameras cover, its coverage curve and its sites, which candidate sites it chose from (site
 * filter); one row per crime type across the plans; and notes where the plans are not like for like
 * (other area, other demand, camera, buildings or candidate sites, plans stored before records per
 * type were kept). Values are JSON-ready maps and lists.
 */
public final class PlanComparison {

    /** Fewest and most plans one comparison takes. */
    public static final int MIN_PLANS = 2;
    public static final int MAX_PLANS = 6;

    private PlanComparison() {
    }

    /**
     * The comparison of {@code plans}, in the order given.
     *
     * @throws IllegalArgumentException for fewer than {@link #MIN_PLANS} or more than {@link #MAX_PLANS} plans
     */
    public static Map<String, Object> of(List<PlanView> plans) {
        if (plans.size() < MIN_PLANS || plans.size() > MAX_PLANS) {
            throw new IllegalArgumentException("compare " + MIN_PLANS + " to " + MAX_PLANS + " plans, was " + plans.size());
        }
        List<Map<String, Object>> columns = new ArrayList<>();
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            PlanView p = plans.get(i);
            columns.add(column(letter(i), p));
            if (p.recordsByType() != null) {
                types.addAll(p.recordsByType().keySet());
            }
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String type : types) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("type", type);
            List<Map<String, Object>> cells = new ArrayList<>();
            for (PlanView p : plans) {
                Map<String, Object> cell = new LinkedHashMap<>();
                if (p.recordsByType() == null || p.addedRecordsByType() == null) {
                    cell.put("added", null);
                    cell.put("total", null);
                } else {
                    int total = p.recordsByType().getOrDefault(type, 0);
                    int added = p.addedRecordsByType().getOrDefault(type, 0);
                    cell.put("added", added);
                    cell.put("total", total);
                    cell.put("share", total == 0 ? 0 : (double) added / total);
                }
                cells.add(cell);
            }
            row.put("plans", cells);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("plans", columns);
        out.put("crimeTypes", rows);
        out.put("notes", notes(plans));
        return out;
    }

    private static Map<String, Object> column(String key, PlanView p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", key);
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("createdAt", p.createdAt());
        m.put("boundary", p.boundary());
        m.put("demand", p.demand());
        m.put("camera", p.camera());
        m.put("occlusion", p.occlusion());
        m.put("candidateSites", p.candidateSites());
        m.put("requiredConstraints", p.requiredConstraints());
        m.put("excludedConstraints", p.excludedConstraints());
        m.put("solver", p.solver());
        m.put("solverStatus", p.solverStatus());
        m.put("gap", p.gap());
        m.put("coveredShare", p.coveredShare());
        m.put("existingCoveredShare", p.existingCoveredShare());
        m.put("addedShare", p.coveredShare() - p.existingCoveredShare());
        m.put("cameras", p.sites().size());
        m.put("costGbp", p.costGbp());
        m.put("candidates", p.candidates());
        List<Map<String, Object>> curve = new ArrayList<>();
        for (PlanView.Curve c : p.curve()) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("cameras", c.cameras());
            point.put("costGbp", c.costGbp());
            point.put("coveredShare", c.coveredShare());
            curve.add(point);
        }
        m.put("curve", curve);
        List<Map<String, Object>> sites = new ArrayList<>();
        for (PlanView.Site s : p.sites()) {
            Map<String, Object> site = new LinkedHashMap<>();
            site.put("rank", s.rank());
            site.put("siteId", s.siteId());
            site.put("source", s.source());
            site.put("lon", s.lon());
            site.put("lat", s.lat());
            site.put("azimuthDegrees", s.azimuthDegrees());
            site.put("costGbp", s.costGbp());
            site.put("marginalShare", s.marginalShare());
            site.put("explanation", s.explanation());
            site.put("sector", s.sector());
            sites.add(site);
        }
        m.put("sites", sites);
        return m;
    }

    private static List<String> notes(List<PlanView> plans) {
        List<String> notes = new ArrayList<>();
        PlanView first = plans.get(0);
        if (plans.stream().anyMatch(p -> !p.boundary().equals(first.boundary()))) {
            notes.add("the plans cover different areas: compare the records they add, not their shares");
        } else if (plans.stream().anyMatch(p -> !p.demand().equals(first.demand()))) {
            notes.add("the plans weigh demand differently (months, crime types, weights or recency): each share is of "
                    + "its own plan's demand; the records each adds per crime type compare like for like");
        }
        if (plans.stream().anyMatch(p -> !p.camera().equals(first.camera()))) {
            notes.add("the plans use different camera models");
        }
        if (plans.stream().anyMatch(p -> !p.occlusion().equals(first.occlusion()))) {
            notes.add("the plans treat buildings differently (" + String.join(" / ",
                    plans.stream().map(p -> p.occlusion().isEmpty() ? "not recorded" : p.occlusion()).distinct().toList())
                    + ")");
        }
        if (plans.stream().anyMatch(p -> !p.requiredConstraints().equals(first.requiredConstraints())
                || !p.excludedConstraints().equals(first.excludedConstraints())
                || !p.candidateSites().equals(first.candidateSites()))) {
            notes.add("the plans choose from different candidate sites (" + String.join(" / ", plans.stream()
                    .map(p -> p.candidateSites().isEmpty() ? "not recorded" : p.candidateSites()).distinct().toList())
                    + ")");
        }
        List<String> old = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).recordsByType() == null || plans.get(i).addedRecordsByType() == null) {
                old.add(letter(i));
            }
        }
        if (!old.isEmpty()) {
            notes.add(String.format(Locale.ROOT, "plan%s %s %s made before records per crime type were kept: run %s again "
                    + "to compare by crime type", old.size() == 1 ? "" : "s", String.join(", ", old),
                    old.size() == 1 ? "was" : "were", old.size() == 1 ? "it" : "them"));
        }
        return notes;
    }

    private static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }
}
