package org.sightline.planner.backtest.adapter.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.sightline.geo.crime.domain.AreaFilter;
import org.sightline.geo.crime.domain.CrimeRecord;
import org.sightline.geo.crime.domain.MonthRange;
import org.sightline.geo.crs.LonLat;
import org.sightline.geo.crs.MetricProjection;
import org.sightline.geo.crs.ProjectionService;
import org.sightline.geo.crs.Wgs84;
import org.sightline.planner.backtest.domain.Backtest;
import org.sightline.planner.backtest.domain.BacktestReport;
import org.sightline.planner.backtest.domain.BacktestSettings;
import org.sightline.planner.crime.adapter.file.BoundaryFile;
import org.sightline.planner.crime.adapter.file.PoliceUkFolder;
import org.sightline.planner.demand.domain.CrimeWeights;
import org.sightline.planner.backtest.domain.DemandCalibration;
import org.sightline.planner.demand.domain.DemandSpec;
import org.sightline.planner.siting.domain.Candidate;
import org.sightline.planner.siting.domain.CandidateGenerator;

/**
 * A backtest straight from police.uk files: reads the area's training and test months, generates
 * candidates (distinct training map points, plus grid cells beside them when
 * {@code gridCellMetres} &gt; 0), fits the demand model on the training months alone and runs
 * {@link Backtest}. The study area for PAI is the boundary file's polygon when given, else the
 * convex hull of the records.
 */
public final class FileBacktest {

    /** What to run. {@code lsoaNamePrefix} or {@code boundaryFile} chooses the area (both: both must hold). */
    public record Options(Path crimeFolder, Optional<String> lsoaNamePrefix, Optional<Path> boundaryFile,
                          MonthRange train, MonthRange test, CrimeWeights weights, BacktestSettings settings,
                          double gridCellMetres, boolean calibrate) {
        public Options {
            Objects.requireNonNull(crimeFolder, "crimeFolder");
            if (lsoaNamePrefix.isEmpty() && boundaryFile.isEmpty()) {
                throw new IllegalArgumentException("choose the area: an LSOA name prefix or a boundary file");
            }
            if (!test.first().isAfter(train.last())) {
                throw new IllegalArgumentException("the test months (" + test.first() + "..) must come after the "
                        + "training months (.." + train.last() + ")");
            }
        }
    }

    /** The report and the demand spec the plan used. */
    public record Outcome(BacktestReport report, DemandSpec demandSpec, String calibration) {
    }

    private FileBacktest() {
    }

    /** Runs the backtest. @throws IllegalArgumentException for unusable input, with a message for the user */
    public static Outcome run(Options o) {
        Optional<Geometry> boundary = o.boundaryFile().map(BoundaryFile::read);
        AreaFilter area = area(o, boundary);
        PoliceUkFolder folder = new PoliceUkFolder(o.crimeFolder());
        List<CrimeRecord> train = folder.read(area, o.train()).records();
        List<CrimeRecord> test = folder.read(area, o.test()).records();
        if (train.isEmpty()) {
            throw new IllegalArgumentException("no crimes in the area in the training months " + o.train());
        }
        MetricProjection projection = new ProjectionService().forArea(envelope(train));
        double studyArea = boundary.map(b -> projection.project(b).getArea())
                .orElseGet(() -> projection.project(Wgs84.FACTORY.createMultiPointFromCoords(
                        train.stream().map(r -> new org.locationtech.jts.geom.Coordinate(r.position().lonDegrees(),
                                r.position().latDegrees())).toArray(org.locationtech.jts.geom.Coordinate[]::new))
                        .convexHull()).getArea());
        List<Candidate> candidates = candidates(projection, train, o.gridCellMetres());
        DemandSpec spec = DemandSpec.predictive(o.weights(), o.train());
        String calibration = "default demand model";
        if (o.calibrate()) {
            DemandCalibration.Result fitted = new DemandCalibration(projection, o.settings()).fit(train, spec, candidates);
            spec = fitted.spec();
            calibration = fitted.summary();
        }
        BacktestReport report = new Backtest(projection, o.settings()).run(train, test, spec, o.test(), candidates,
                studyArea);
        return new Outcome(report, spec, calibration);
    }

    /** Candidates: distinct map points of the records, plus grid cells beside them when the cell size is positive. */
    public static List<Candidate> candidates(MetricProjection projection, List<CrimeRecord> records, double gridCellMetres) {
        List<LonLat> points = records.stream().map(CrimeRecord::position).toList();
        CandidateGenerator generator = new CandidateGenerator(projection, 0);
        List<Candidate> out = new ArrayList<>(generator.mapPoints(points));
        if (gridCellMetres > 0) {
            out.addAll(generator.gridNear(points, gridCellMetres, gridCellMetres));
        }
        return out;
    }

    private static AreaFilter area(Options o, Optional<Geometry> boundary) {
        if (o.lsoaNamePrefix().isPresent()) {
            return AreaFilter.lsoaNamePrefix(o.lsoaNamePrefix().get());
        }
        return AreaFilter.within(boundary.orElseThrow());
    }

    /** WGS84 envelope of the records. */
    public static org.locationtech.jts.geom.Envelope envelope(List<CrimeRecord> records) {
        org.locationtech.jts.geom.Envelope e = new org.locationtech.jts.geom.Envelope();
        for (CrimeRecord r : records) {
            e.expandToInclude(r.position().lonDegrees(), r.position().latDegrees());
        }
        return e;
    }
}
