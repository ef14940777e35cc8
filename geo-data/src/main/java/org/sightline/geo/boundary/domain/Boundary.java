package org.sightline.geo.boundary.domain;

import java.util.Objects;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * An administrative or operational area (local authority, police neighbourhood) as a valid WGS84
 * polygon or multipolygon. {@code code} identifies it (e.g. an ONS code such as E08000011).
 * A self-intersecting or empty outline cannot be constructed.
 */
public record Boundary(String code, String name, Geometry area) {

    public Boundary {
        if (code == null || code.isBlank() || code.length() > 64) {
            throw new IllegalArgumentException("boundary code must be 1-64 characters, was '" + code + "'");
        }
        code = code.strip();
        name = name == null || name.isBlank() ? code : name.strip();
        Objects.requireNonNull(area, "area");
        if (!(area instanceof Polygon || area instanceof MultiPolygon)) {
            throw new IllegalArgumentException("boundary " + code + " must be a Polygon or MultiPolygon, was "
                    + area.getGeometryType());
        }
        if (area.isEmpty()) {
            throw new IllegalArgumentException("boundary " + code + " is empty");
        }
        TopologyValidationError error = new IsValidOp(area).getValidationError();
        if (error != null) {
            throw new IllegalArgumentException("boundary " + code + " is not a valid polygon: " + error.getMessage()
                    + " at (" + error.getCoordinate().x + ", " + error.getCoordinate().y + ")");
        }
    }
}
