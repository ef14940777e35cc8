package org.sightline.geo.camera.adapter.file;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Point;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.CameraKind;
import org.sightline.geo.camera.domain.Deployment;
import org.sightline.geo.camera.domain.EquipmentStatus;
import org.sightline.geo.camera.domain.Resolution;
import org.sightline.geo.camera.domain.UnitId;
import org.sightline.geo.crs.Bearing;
import org.sightline.geo.crs.Wgs84;
import org.sightline.geo.io.feature.FeatureMapper;
import org.sightline.geo.io.feature.FeatureSchema;
import org.sightline.geo.io.feature.GeoFeature;

/**
 * Cameras to and from file features (a camera estate as CSV, GeoJSON or GeoPackage points).
 * Columns: {@code id}, {@code kind} (ANPR/CCTV) and {@code azimuth_degrees} are required;
 * {@code unit_id}, {@code deployment} (default overt), {@code mount_height_metres} (default 6),
 * {@code horizontal_fov_degrees} (default 30 for ANPR, 60 for CCTV), {@code resolution} (default
 * 1920x1080) and {@code status} (default active) are optional.
 */
public final class CameraFeatures {

    public static final FeatureSchema SCHEMA = new FeatureSchema("cameras", "Point", List.of(
            FeatureSchema.text("id"), FeatureSchema.text("unit_id"), FeatureSchema.text("kind"),
            FeatureSchema.text("deployment"), FeatureSchema.real("mount_height_metres"),
            FeatureSchema.real("azimuth_degrees"), FeatureSchema.real("horizontal_fov_degrees"),
            FeatureSchema.text("resolution"), FeatureSchema.text("status")));

    private CameraFeatures() {
    }

    public static FeatureMapper<Camera> mapper() {
        return f -> {
            if (!(f.geometry() instanceof Point p)) {
                throw new IllegalArgumentException("a camera must be a Point, was " + f.geometry().getGeometryType());
            }
            CameraId id = new CameraId(required(f, "id"));
            CameraKind kind = CameraKind.find(required(f, "kind")).orElseThrow(() ->
                    new IllegalArgumentException("kind '" + f.text("kind").orElse("") + "' must be ANPR or CCTV"));
            Deployment deployment = f.text("deployment").map(t -> Deployment.find(t).orElseThrow(() ->
                    new IllegalArgumentException("deployment '" + t + "' must be overt or covert"))).orElse(Deployment.OVERT);
            EquipmentStatus status = f.text("status").map(t -> EquipmentStatus.find(t).orElseThrow(() ->
                    new IllegalArgumentException("status '" + t + "' must be one of planned, active, faulty, decommissioned")))
                    .orElse(EquipmentStatus.ACTIVE);
            double azimuth = f.number("azimuth_degrees").or(() -> f.number("azimuth")).orElseThrow(() ->
                    new IllegalArgumentException("azimuth_degrees is missing"));
            double fov = f.number("horizontal_fov_degrees").orElse(kind == CameraKind.ANPR ? 30.0 : 60.0);
            return List.of(new Camera(id, f.text("unit_id").map(UnitId::new), Wgs84.position(p), kind, deployment,
                    f.number("mount_height_metres").orElse(6.0), Bearing.normalised(azimuth), fov,
                    f.text("resolution").map(Resolution::parse).orElse(new Resolution(1920, 1080)), status));
        };
    }

    private static String required(GeoFeature f, String key) {
        return f.text(key).orElseThrow(() -> new IllegalArgumentException(key + " is missing"));
    }

    public static GeoFeature toFeature(Camera c, long ordinal) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", c.id().value());
        p.put("unit_id", c.unitId().map(UnitId::value).orElse(null));
        p.put("kind", c.kind().name());
        p.put("deployment", c.deployment().name().toLowerCase(Locale.ROOT));
        p.put("mount_height_metres", c.mountHeightMetres());
        p.put("azimuth_degrees", c.azimuth().degrees());
        p.put("horizontal_fov_degrees", c.horizontalFovDegrees());
        p.put("resolution", c.resolution().toString());
        p.put("status", c.status().name().toLowerCase(Locale.ROOT));
        return new GeoFeature(ordinal, Wgs84.point(c.position()), p);
    }

}
