package org.sightline.planner.coverage.domain;

/**
 * A camera model as the planner sees it. {@code horizontalFovDegrees} is the lens's horizontal
 * angle of view (for a PTZ camera, at the zoom used for the required DORI level); a fixed camera
 * looks one way, a PTZ camera can turn all round. {@code targetHeightMetres} is the height on a
 * person where the pixel density is needed (1.6 m: the face).
 */
public record CameraSpec(
        double horizontalFovDegrees,
        int widthPixels,
        double mountHeightMetres,
        boolean ptz,
        DoriLevel dori) {

    /** Height on a standing person at which DORI pixel density is measured. */
    public static final double TARGET_HEIGHT_METRES = 1.6;

    public CameraSpec {
        if (!Double.isFinite(horizontalFovDegrees) || horizontalFovDegrees <= 0 || horizontalFovDegrees >= 360) {
            throw new IllegalArgumentException("horizontal field of view must be more than 0 and less than 360 degrees"
                    + (ptz ? " (for a PTZ camera: the lens's angle at the zoom used)" : " for a fixed camera")
                    + ", was " + horizontalFovDegrees);
        }
        if (widthPixels < 16 || widthPixels > 20_000) {
            throw new IllegalArgumentException("horizontal resolution must be 16..20000 pixels, was " + widthPixels);
        }
        if (!Double.isFinite(mountHeightMetres) || mountHeightMetres <= 0 || mountHeightMetres > 50) {
            throw new IllegalArgumentException("mount height must be in (0, 50] metres, was " + mountHeightMetres);
        }
        if (dori == null) {
            throw new IllegalArgumentException("a DORI level is needed (detect, observe, recognise, identify)");
        }
    }

    /** A typical fixed 1080p street camera: 30° lens, 6 m mast, DETECT. */
    public static CameraSpec typicalFixed() {
        return new CameraSpec(30, 1920, 6, false, DoriLevel.DETECT);
    }

    /**
     * Slant distance in metres at which the required pixel density is still reached:
     * d = W / (2 · ppm · tan(HFOV / 2)) (EN 62676-4).
     */
    public double doriRangeMetres() {
        return widthPixels / (2 * dori.pixelsPerMetre() * Math.tan(Math.toRadians(horizontalFovDegrees / 2)));
    }

    /**
     * Ground distance from the mast to the farthest covered person: the DORI range less the height
     * drop from the camera to the target; 0 when the camera is too high to reach the level at all.
     */
    public double groundRangeMetres() {
        double d = doriRangeMetres();
        double drop = Math.max(0, mountHeightMetres - TARGET_HEIGHT_METRES);
        return d <= drop ? 0 : Math.sqrt(d * d - drop * drop);
    }

    /** The angle the camera watches at once: the lens angle, or all round for PTZ. */
    public double sectorDegrees() {
        return ptz ? 360 : horizontalFovDegrees;
    }
}
