package org.sightline.app.cli.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.planner.backtest.adapter.file.FileBacktest;
import org.sightline.planner.backtest.domain.BacktestSettings;
import org.sightline.planner.demand.domain.CrimeTypes;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.demand.domain.MonthRanges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sightline plan backtest --train 2018-01..2019-12 --test 2020-01..2020-06}: plans on the
 * training months of police.uk files and scores the plan and its baselines on the test months.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Plan on training months, score on later test months against KDE-peak, top-point and random baselines.")
public class BacktestCommand implements Callable<Integer> {

    @Option(names = "--train", required = true, paramLabel = "YYYY-MM..YYYY-MM", description = "Training months.")
    String train;

    @Option(names = "--test", required = true, paramLabel = "YYYY-MM..YYYY-MM", description = "Test months (after the training months).")
    String test;

    @Option(names = "--crimes", paramLabel = "DIR",
            description = "Folder of police.uk monthly street files (default: the shared data's crime/ folder).")
    Path crimes;

    @Option(names = "--lsoa-prefix", paramLabel = "TEXT", defaultValue = "Knowsley ",
            description = "Area: records whose LSOA name starts with this (default '${DEFAULT-VALUE}', the demo area).")
    String lsoaPrefix;

    @Option(names = "--boundary", paramLabel = "FILE",
            description = "GeoJSON study area for PAI (default: the demo area's boundary in the shared data, if present).")
    Path boundary;

    @Option(names = "--cameras", defaultValue = "20", description = "Cameras per method (default ${DEFAULT-VALUE}).")
    int cameras;

    @Option(names = "--azimuths", defaultValue = "8", description = "Directions tried per site (default ${DEFAULT-VALUE}).")
    int azimuths;

    @Option(names = "--min-spacing", defaultValue = "0", paramLabel = "METRES",
            description = "Minimum distance between chosen sites (default ${DEFAULT-VALUE}).")
    double minSpacing;

    @Option(names = "--grid-candidates", defaultValue = "0", paramLabel = "METRES",
            description = "Also offer grid cells of this size beside map points as sites (default ${DEFAULT-VALUE} = off).")
    double gridCell;

    @Option(names = "--types", split = ",", paramLabel = "TYPE",
            description = "Crime types (default: the partnership priorities).")
    List<String> types;

    @Option(names = "--no-calibrate", description = "Use the default demand model instead of fitting it on held-out training months.")
    boolean noCalibrate;

    @Mixin
    CameraOptions camera = new CameraOptions();

    @Override
    public Integer call() {
        try {
            BacktestReportPrinter.print(FileBacktest.run(options()), false);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println("sightline plan backtest: " + e.getMessage());
            return 2;
        }
    }

    FileBacktest.Options options() {
        MonthRange trainMonths = MonthRanges.parse(train);
        MonthRange testMonths = MonthRanges.parse(test);
        Path shared = Path.of(System.getProperty("sightline.shared.data", "../shared/data"));
        Path folder = crimes != null ? crimes : shared.resolve("crime");
        Path area = boundary;
        if (area == null && lsoaPrefix.equals("Knowsley ")) {
            Path demo = shared.resolve("boundaries/knowsley_E08000011_LAD20_BGC.geojsonl");
            area = Files.exists(demo) ? demo : null;
        }
        CrimeWeights weights = types == null || types.isEmpty() ? CrimeWeights.priorities()
                : CrimeWeights.equal(types.stream().map(CrimeTypes::require).toList());
        return new FileBacktest.Options(folder, Optional.of(lsoaPrefix), Optional.ofNullable(area), trainMonths,
                testMonths, weights, new BacktestSettings(camera.spec(), cameras, azimuths, minSpacing, 200, 50, 100, 7),
                gridCell, !noCalibrate);
    }
}
