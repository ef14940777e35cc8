package org.sightline.app.cli.plan;

import org.sightline.planner.coverage.domain.CameraSpec;
import org.sightline.planner.coverage.domain.DoriLevel;
import picocli.CommandLine.Option;

/** The camera model options shared by planning commands. */
public class CameraOptions {

    @Option(names = "--fov", defaultValue = "30", paramLabel = "DEGREES",
            description = "Horizontal field of view of the lens (default ${DEFAULT-VALUE}).")
    public double fovDegrees;

    @Option(names = "--width-px", defaultValue = "1920", paramLabel = "PIXELS",
            description = "Horizontal resolution (default ${DEFAULT-VALUE}).")
    public int widthPixels;

    @Option(names = "--mount-height", defaultValue = "6", paramLabel = "METRES",
            description = "Mounting height (default ${DEFAULT-VALUE}).")
    public double mountHeightMetres;

    @Option(names = "--ptz", description = "PTZ camera: covers all round at the given lens angle.")
    public boolean ptz;

    @Option(names = "--dori", defaultValue = "detect", paramLabel = "LEVEL",
            description = "Required EN 62676-4 level: detect, observe, recognise, identify (default ${DEFAULT-VALUE}).")
    public String dori;

    /** @throws IllegalArgumentException for a bad value, with a message for the user */
    public CameraSpec spec() {
        DoriLevel level = DoriLevel.find(dori).orElseThrow(() -> new IllegalArgumentException(
                "--dori must be detect, observe, recognise or identify, was '" + dori + "'"));
        return new CameraSpec(fovDegrees, widthPixels, mountHeightMetres, ptz, level);
    }
}
