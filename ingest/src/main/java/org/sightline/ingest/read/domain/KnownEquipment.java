package org.sightline.ingest.read.domain;

import java.util.Map;
import java.util.Optional;
import org.sightline.geo.camera.domain.CameraId;
import org.sightline.geo.camera.domain.UnitId;

/**
 * The camera estate as the intake knows it: which units exist (and whether they are
 * decommissioned) and which unit carries each camera. A read is taken in only from a known unit
 * through a camera that unit carries.
 *
 * @param decommissionedByUnit every known unit, mapped to true when it is decommissioned
 * @param unitByCamera every known camera, mapped to its unit, or to an empty string when it stands alone
 */
public record KnownEquipment(Map<String, Boolean> decommissionedByUnit, Map<String, String> unitByCamera) {

    public static final KnownEquipment NONE = new KnownEquipment(Map.of(), Map.of());

    public KnownEquipment {
        decommissionedByUnit = Map.copyOf(decommissionedByUnit);
        unitByCamera = Map.copyOf(unitByCamera);
    }

    /** Why a message from this unit cannot be taken in, or empty when it can. */
    public Optional<String> unitProblem(UnitId unit) {
        Boolean decommissioned = decommissionedByUnit.get(unit.value());
        if (decommissioned == null) {
            return Optional.of("unknown unit " + unit + ": register it in the camera estate first");
        }
        return decommissioned ? Optional.of("unit " + unit + " is decommissioned") : Optional.empty();
    }

    /** Why a read from this unit and camera cannot be taken in, or empty when it can. */
    public Optional<String> problem(UnitId unit, CameraId camera) {
        Boolean decommissioned = decommissionedByUnit.get(unit.value());
        if (decommissioned == null) {
            return Optional.of("unknown unit " + unit + ": register it in the camera estate first");
        }
        if (decommissioned) {
            return Optional.of("unit " + unit + " is decommissioned");
        }
        String owner = unitByCamera.get(camera.value());
        if (owner == null) {
            return Optional.of("unknown camera " + camera + " on unit " + unit);
        }
        if (!owner.equals(unit.value())) {
            return Optional.of("camera " + camera + " belongs to " + (owner.isEmpty() ? "no unit" : "unit " + owner)
                    + ", not to unit " + unit);
        }
        return Optional.empty();
    }
}
