package org.sightline.planner.backtest.domain;

import java.util.Objects;
import org.sightline.planner.coverage.domain.CameraSpec;

/**
 * How a backtest is run: the camera model and count every method gets, azimuths per site, the
 * plan's minimum spacing, the KDE bandwidth of the baselines (200 m), the grid cell for PAI/PEI
 * (50 m), and how many random draws are averaged (seeded, so runs repeat).
 */
public record BacktestSettings(CameraSpec spec, int cameras, int azimuths, double minSpacingMetres,
                               double kdeBandwidthMetres, double cellMetres, int randomDraws, long seed) {

    public BacktestSettings {
        Objects.requireNonNull(spec, "spec");
        if (cameras < 1 || cameras > 10_000) {
            throw new IllegalArgumentException("cameras must be 1..10000, was " + cameras);
        }
        if (azimuths < 1 || azimuths > 72) {
            throw new IllegalArgumentException("azimuths must be 1..72, was " + azimuths);
        }
        if (minSpacingMetres < 0 || kdeBandwidthMetres <= 0 || cellMetres <= 0 || randomDraws < 1) {
            throw new IllegalArgumentException("spacing >= 0, bandwidth > 0, cell > 0 and random draws >= 1 are needed");
        }
    }

    /** The settings: 200 m KDE, 50 m cells, 8 azimuths, 100 random draws. */
    public static BacktestSettings standard(CameraSpec spec, int cameras, double minSpacingMetres) {
        return new BacktestSettings(spec, cameras, 8, minSpacingMetres, 200, 50, 100, 7);
    }
}
