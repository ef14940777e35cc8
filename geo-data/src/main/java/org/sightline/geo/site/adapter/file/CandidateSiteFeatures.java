package org.sightline.geo.site.adapter.file;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Point;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.feature.FeatureMapper;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.GeoFeature;
import org.sightline.geo.site.domain.CandidateSite;
import org.sightline.geo.site.domain.SiteConstraint;
import org.sightline.geo.site.domain.SiteId;

/**
 * Candidate sites to and from file features. Columns: {@code id} (required), {@code cost_gbp}
 * (default 0), {@code constraints} (separated by ';' or '|', e.g. "pole available;power"),
 * {@code source}.
 */
public final class CandidateSiteFeatures {

    public static final FeatureSchema SCHEMA = new FeatureSchema("candidate_sites", "Point", List.of(
            FeatureSchema.text("id"), FeatureSchema.real("cost_gbp"), FeatureSchema.text("constraints"),
            FeatureSchema.text("source")));

    private CandidateSiteFeatures() {
    }

    public static FeatureMapper<CandidateSite> mapper() {
        return f -> {
            if (!(f.geometry() instanceof Point p)) {
                throw new IllegalArgumentException("a candidate site must be a Point, was " + f.geometry().getGeometryType());
            }
            SiteId id = new SiteId(f.text("id").orElseThrow(() -> new IllegalArgumentException("id is missing")));
            Set<SiteConstraint> constraints = EnumSet.noneOf(SiteConstraint.class);
            for (String part : f.text("constraints").orElse("").split("[;|]")) {
                if (!part.isBlank()) {
                    constraints.add(SiteConstraint.find(part).orElseThrow(() -> new IllegalArgumentException(
                            "unknown constraint '" + part.strip() + "'; allowed: " + List.of(SiteConstraint.values()))));
                }
            }
            return List.of(new CandidateSite(id, Wgs84.position(p), f.number("cost_gbp").orElse(0.0), constraints,
                    f.text("source").orElse("")));
        };
    }

    public static GeoFeature toFeature(CandidateSite s, long ordinal) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", s.id().value());
        p.put("cost_gbp", s.costGbp());
        p.put("constraints", String.join(";", s.constraints().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT)).sorted().toList()));
        p.put("source", s.source());
        return new GeoFeature(ordinal, Wgs84.point(s.position()), p);
    }
}
