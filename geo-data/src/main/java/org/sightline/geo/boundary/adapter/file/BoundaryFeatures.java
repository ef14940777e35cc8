package org.sightline.geo.boundary.adapter.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.feature.FeatureMapper;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.GeoFeature;

/**
 * Boundaries to and from file features. The code is taken from {@code codeField} when given,
 * else from {@code code}, an ONS-style {@code ...cd} attribute ({@code lad20cd}) or {@code id};
 * the name likewise from {@code name} or a {@code ...nm} attribute. A boundary with only a name
 * (police neighbourhoods) uses its name as code. Invalid outlines are rejected with the reason.
 */
public final class BoundaryFeatures {

    public static final FeatureSchema SCHEMA = new FeatureSchema("boundaries", "MultiPolygon",
            List.of(FeatureSchema.text("code"), FeatureSchema.text("name")));

    private BoundaryFeatures() {
    }

    public static FeatureMapper<Boundary> mapper(Optional<String> codeField, Optional<String> nameField) {
        return f -> {
            Optional<String> name = nameField.isPresent() ? f.text(nameField.get())
                    : f.text("name").or(() -> suffixed(f, "nm"));
            Optional<String> code = codeField.isPresent() ? f.text(codeField.get())
                    : f.text("code").or(() -> suffixed(f, "cd")).or(() -> f.text("id"));
            String c = code.or(() -> name).orElseThrow(() -> new IllegalArgumentException(
                    "no code or name attribute" + codeField.map(k -> " (looked for '" + k + "')").orElse("")));
            return List.of(new Boundary(c, name.orElse(c), multi(f.geometry())));
        };
    }

    private static Optional<String> suffixed(GeoFeature f, String suffix) {
        for (String key : f.properties().keySet()) {
            if (key.toLowerCase(Locale.ROOT).endsWith(suffix)) {
                Optional<String> v = f.text(key);
                if (v.isPresent()) {
                    return v;
                }
            }
        }
        return Optional.empty();
    }

    /** Polygons become one-part MultiPolygons, the type the database stores. */
    public static Geometry multi(Geometry g) {
        if (g instanceof Polygon p) {
            MultiPolygon m = Wgs84.FACTORY.createMultiPolygon(new Polygon[] {p});
            m.setSRID(Wgs84.SRID);
            return m;
        }
        return g;
    }

    public static GeoFeature toFeature(Boundary b, long ordinal) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", b.code());
        p.put("name", b.name());
        return new GeoFeature(ordinal, multi(b.area()), p);
    }
}
