package org.sightline.planner.plan.adapter.http;

import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Envelope;
import org.sightline.geo.crs.GridPoint;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;

/**
 * A plan as a printable HTML page: summary, the recommended sites drawn to scale with their
 * sectors (SVG, in the area's metric CRS), the coverage curve, the ranked table with explanations
 * and the hotspots with how much of each the existing cameras and the plan cover. No script and no
 * inline styles (the service's content security policy); text is escaped.
 */
public final class PlanReport {

    /** Hotspots listed in the report, largest demand first; the rest are summed in one line. */
    static final int HOTSPOT_ROWS = 25;

    /** Cell size of plans stored before hotspot areas were kept (the delineation's 50 m cells). */
    private static final double OLD_CELL_KM2 = 0.0025;

    private PlanReport() {
    }

    /** The report of {@code plan}. */
    public static String html(PlanView plan) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Camera plan ")
                .append(esc(plan.title().isEmpty() ? plan.boundary() : plan.title()))
                .append("</title><link rel=\"stylesheet\" href=\"/assets/sightline.css\"></head><body class=\"report\">");
        h.append("<h1>Recommended CCTV sites — ").append(esc(plan.boundary())).append(plan.title().isEmpty() ? ""
                : " — " + esc(plan.title())).append("</h1>");
        h.append("<p class=\"muted\">Plan ").append(esc(String.valueOf(plan.id()))).append(", made ")
                .append(esc(String.valueOf(plan.createdAt()))).append(" by ").append(esc(plan.solver())).append(" (")
                .append(esc(plan.solverStatus())).append(").</p>");
        h.append("<p>").append(String.format(Locale.ROOT, "%d new cameras cover %.1f %% of the demand; existing cameras "
                        + "%.1f %%%s. %d records at %d map points; %d candidate sites.", plan.sites().size(),
                100 * plan.coveredShare(), 100 * plan.existingCoveredShare(), plan.upperBoundShare() == null ? ""
                        : String.format(Locale.ROOT, "; no plan of this size can cover more than %.1f %%",
                        100 * plan.upperBoundShare()), plan.records(), plan.demandPoints(), plan.candidates()))
                .append("</p><p class=\"small\">Demand: ").append(esc(plan.demand())).append(". Camera: ")
                .append(esc(plan.camera())).append(".").append(plan.candidateSites().isEmpty() ? ""
                        : " Candidate sites: " + esc(plan.candidateSites()) + ".").append("</p>");
        h.append("<div class=\"report-figures\">").append(map(plan.sites())).append(curve(plan.curve())).append("</div>");
        h.append("<table class=\"units report-sites\"><thead><tr><th>#</th><th>Site</th><th>Position</th><th>Facing</th><th>Cost</th>"
                + "<th>Gain</th><th>Total</th><th>What it covers</th></tr></thead><tbody>");
        for (PlanView.Site s : plan.sites()) {
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s<br><span class=\"muted small\">%s</span></td>"
                            + "<td>%.5f, %.5f</td><td>%.0f°</td><td>£%,.0f</td><td>%.1f %%</td><td>%.1f %%</td><td>%s</td></tr>",
                    s.rank(), esc(s.siteId()), esc(s.source()), s.lat(), s.lon(), s.azimuthDegrees(), s.costGbp(),
                    100 * s.marginalShare(), 100 * s.cumulativeShare(), esc(s.explanation())));
        }
        h.append("</tbody></table>");
        hotspots(h, plan);
        plan.notes().forEach(n -> h.append("<p class=\"small\">").append(esc(n)).append("</p>"));
        h.append("<p class=\"small muted\">Contains public sector information licensed under the Open Government "
                + "Licence v3.0 (crime data: data.police.uk).</p></body></html>");
        return h.toString();
    }

    /** The hotspot table: size, demand and the share of each covered by existing cameras and with the plan. */
    private static void hotspots(StringBuilder h, PlanView plan) {
        h.append("<h2>Hotspots</h2>");
        if (plan.hotspots().isEmpty()) {
            h.append("<p class=\"small\">No significant hotspot (Gi*, false discovery rate 5 %) in this plan's records.</p>");
            return;
        }
        h.append("<p class=\"small muted\">Connected groups of significant Gi* cells of the plan's records (within "
                + "100 m, false discovery rate 5 %), named after the street their records are placed on most often. "
                + "Covered shares are of each hotspot's own weighted demand.</p>");
        h.append("<table class=\"units hotspot-table\"><thead><tr><th>#</th><th>Hotspot</th><th>Area</th><th>Records</th>"
                + "<th>Weighted demand</th><th>Existing cameras</th><th>New sites add</th><th>With the plan</th>"
                + "</tr></thead><tbody>");
        List<PlanView.Hotspot> shown = plan.hotspots().subList(0, Math.min(HOTSPOT_ROWS, plan.hotspots().size()));
        for (PlanView.Hotspot s : shown) {
            double area = s.areaKm2() != null ? s.areaKm2() : s.cells() * OLD_CELL_KM2;
            double weight = s.weightedDemand() != null ? s.weightedDemand() : s.demandShare() * plan.totalDemand();
            h.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%s</td><td>%.2f km²</td><td>%,d</td>"
                            + "<td>%,.1f (%.1f %%)</td><td>%.0f %%</td><td>%s</td><td>%.0f %%</td></tr>",
                    s.rank(), esc(s.name()), area, s.records(), weight, 100 * s.demandShare(), 100 * s.existingShare(),
                    added(s.coveredShare() - s.existingShare()), 100 * s.coveredShare()));
        }
        h.append("</tbody></table>");
        int rest = plan.hotspots().size() - shown.size();
        if (rest > 0) {
            double share = plan.hotspots().subList(shown.size(), plan.hotspots().size()).stream()
                    .mapToDouble(PlanView.Hotspot::demandShare).sum();
            h.append(String.format(Locale.ROOT, "<p class=\"small muted\">and %d smaller hotspot%s holding %.1f %% of the "
                    + "demand (all of them in the plan's JSON and on the planner page).</p>", rest, rest == 1 ? "" : "s",
                    100 * share));
        }
    }

    private static String added(double share) {
        if (share <= 0.0005) {
            return "—";
        }
        return String.format(Locale.ROOT, share < 0.01 ? "+%.1f %%" : "+%.0f %%", 100 * share);
    }

    private static String map(List<PlanView.Site> sites) {
        StringBuilder h = new StringBuilder("<figure><svg class=\"report-map\" viewBox=\"0 0 400 400\" role=\"img\" "
                + "aria-label=\"Recommended sites and their sectors, north up\">");
        if (!sites.isEmpty()) {
            Envelope e = new Envelope();
            sites.forEach(s -> e.expandToInclude(s.lon(), s.lat()));
            MetricProjection projection = new ProjectionService().forArea(e);
            Envelope m = new Envelope();
            for (PlanView.Site s : sites) {
                for (List<Double> c : s.sector()) {
                    GridPoint g = projection.project(new LonLat(c.get(0), c.get(1)));
                    m.expandToInclude(g.eastingMetres(), g.northingMetres());
                }
                GridPoint g = projection.project(new LonLat(s.lon(), s.lat()));
                m.expandToInclude(g.eastingMetres(), g.northingMetres());
            }
            m.expandBy(Math.max(100, 0.05 * Math.max(m.getWidth(), m.getHeight())));
            double scale = 380 / Math.max(m.getWidth(), m.getHeight());
            for (PlanView.Site s : sites) {
                StringBuilder pts = new StringBuilder();
                for (List<Double> c : s.sector()) {
                    GridPoint g = projection.project(new LonLat(c.get(0), c.get(1)));
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", 10 + (g.eastingMetres() - m.getMinX()) * scale,
                            390 - (g.northingMetres() - m.getMinY()) * scale));
                }
                h.append("<polygon class=\"report-sector\" points=\"").append(pts.toString().trim()).append("\"/>");
                GridPoint g = projection.project(new LonLat(s.lon(), s.lat()));
                double x = 10 + (g.eastingMetres() - m.getMinX()) * scale;
                double y = 390 - (g.northingMetres() - m.getMinY()) * scale;
                h.append(String.format(Locale.ROOT, "<circle class=\"report-site\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\"/>"
                        + "<text class=\"report-label\" x=\"%.1f\" y=\"%.1f\">%d</text>", x, y, x, y + 3.5, s.rank()));
            }
            double bar = Math.pow(10, Math.floor(Math.log10(m.getWidth() / 4)));
            h.append(String.format(Locale.ROOT, "<line class=\"report-axis\" x1=\"10\" y1=\"395\" x2=\"%.1f\" y2=\"395\"/>"
                    + "<text class=\"report-tick\" x=\"12\" y=\"390\">%.0f m</text>", 10 + bar * scale, bar));
        }
        return h.append("</svg><figcaption class=\"small muted\">Sites and sectors to scale, north up.</figcaption></figure>")
                .toString();
    }

    private static String curve(List<PlanView.Curve> curve) {
        StringBuilder h = new StringBuilder("<figure><svg class=\"report-curve\" viewBox=\"0 0 400 240\" role=\"img\" "
                + "aria-label=\"Coverage curve\">");
        if (!curve.isEmpty()) {
            int n = Math.max(1, curve.get(curve.size() - 1).cameras());
            double top = Math.max(0.05, Math.ceil(curve.get(curve.size() - 1).coveredShare() * 10 + 1e-3) / 10);
            h.append("<line class=\"report-axis\" x1=\"40\" y1=\"210\" x2=\"390\" y2=\"210\"/>"
                    + "<line class=\"report-axis\" x1=\"40\" y1=\"10\" x2=\"40\" y2=\"210\"/>");
            for (int i = 0; i <= 4; i++) {
                double v = top * i / 4;
                h.append(String.format(Locale.ROOT, "<text class=\"report-tick\" x=\"36\" y=\"%.1f\" text-anchor=\"end\">%.0f%%</text>",
                        214 - 200 * v / top, 100 * v));
            }
            StringBuilder pts = new StringBuilder();
            for (PlanView.Curve c : curve) {
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", 40 + 350.0 * c.cameras() / n, 210 - 200 * c.coveredShare() / top));
            }
            h.append("<polyline class=\"report-line\" points=\"").append(pts.toString().trim()).append("\"/>");
            h.append(String.format(Locale.ROOT, "<text class=\"report-tick\" x=\"215\" y=\"232\" text-anchor=\"middle\">"
                    + "new cameras (0 … %d)</text>", n));
        }
        return h.append("</svg><figcaption class=\"small muted\">Share of demand covered as cameras are added.</figcaption></figure>")
                .toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
