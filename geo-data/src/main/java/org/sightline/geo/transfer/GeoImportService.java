package org.sightline.geo.transfer;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.sightline.geo.boundary.adapter.db.BoundaryStore;
import org.sightline.geo.boundary.adapter.file.BoundaryFeatures;
import org.sightline.geo.boundary.domain.Boundary;
import org.sightline.geo.camera.adapter.db.CameraStore;
import org.sightline.geo.camera.adapter.file.CameraFeatures;
import org.sightline.geo.camera.domain.Camera;
import org.sightline.geo.crime.adapter.db.CrimeBulkLoad;
import org.sightline.geo.crime.adapter.db.CrimeStore;
import org.sightline.geo.crime.adapter.file.PoliceUkCrimeCsvReader;
import org.sightline.geo.crime.domain.CrimeFilter;
import org.sightline.geo.io.ReadListener;
import org.sightline.geo.io.ReadSummary;
import org.sightline.geo.io.feature.FeatureFiles;
import org.sightline.geo.io.feature.FeatureFormat;
import org.sightline.geo.io.feature.FeatureMapper;
import org.sightline.geo.road.adapter.db.RoadStore;
import org.sightline.geo.road.adapter.file.RoadFeatures;
import org.sightline.geo.site.adapter.db.CandidateSiteStore;
import org.sightline.geo.site.adapter.file.CandidateSiteFeatures;
import org.sightline.geo.site.domain.CandidateSite;

/**
 * Imports GIS files into the geo tables: each file is read with per-row problems reported, the
 * good rows are stored in one transaction per import, and re-importing the same file changes
 * nothing. A file that stops early still stores the rows read before the break.
 */
@Singleton
public class GeoImportService {

    private final FeatureFiles files;
    private final CrimeStore crimes;
    private final BoundaryStore boundaries;
    private final RoadStore roads;
    private final CameraStore cameras;
    private final CandidateSiteStore sites;

    public GeoImportService(FeatureFiles files, CrimeStore crimes, BoundaryStore boundaries, RoadStore roads,
                            CameraStore cameras, CandidateSiteStore sites) {
        this.files = files;
        this.crimes = crimes;
        this.boundaries = boundaries;
        this.roads = roads;
        this.cameras = cameras;
        this.sites = sites;
    }

    /**
     * Imports police.uk street-level crime files (a directory stands for the .csv and .csv.gz files
     * in it), all in one load. The result's phases are "streaming" (reading, parsing and copying,
     * which overlap) and "storing" (moving the rows into the table and building its indexes).
     */
    public ImportResult crimes(Collection<Path> inputs, CrimeFilter filter, ReadListener listener) {
        List<Path> list = expand(inputs);
        PoliceUkCrimeCsvReader reader = new PoliceUkCrimeCsvReader();
        ReadListener shared = synchronizedListener(listener);
        // one progress over all files: a directory of monthly files is one import to the user
        long totalBytes = list.stream().mapToLong(GeoImportService::sizeOrZero).sum();
        AtomicLongArray bytesByFile = new AtomicLongArray(list.size());
        // files are read two at a time: each reader parses, keys and encodes its rows, while the
        // database takes what the copy writer sends; on two cores that keeps both busy
        int threads = Math.max(1, Math.min(list.size(), Math.min(2, Runtime.getRuntime().availableProcessors())));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "crime-file-reader");
            t.setDaemon(true);
            return t;
        });
        try (CrimeBulkLoad load = crimes.begin(list.size() == 1 ? list.get(0).getFileName().toString()
                : list.size() + " files")) {
            List<Future<ReadSummary>> reads = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Path file = list.get(i);
                ReadListener overall = list.size() == 1 ? shared : new OverallProgress(shared, bytesByFile, i, totalBytes);
                reads.add(pool.submit(() -> {
                    try (CrimeBulkLoad.FileSink sink = load.file(file.getFileName().toString())) {
                        return reader.read(file, filter, sink, overall);
                    }
                }));
            }
            List<ReadSummary> summaries = new ArrayList<>();
            for (Future<ReadSummary> f : reads) {
                summaries.add(await(f));
            }
            long stored = load.finish();
            List<String> notes = new ArrayList<>();
            List<ImportResult.Phase> phases = new ArrayList<>();
            load.phases().ifPresent(p -> {
                if (p.emptyTable()) {
                    notes.add("the crime table was empty: rows were copied straight in and its indexes built once");
                }
                phases.add(new ImportResult.Phase("streaming", p.streaming()));
                phases.add(new ImportResult.Phase("storing", p.storing()));
            });
            return new ImportResult(summaries, stored, notes, phases);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ReadSummary await(Future<ReadSummary> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing crimes", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("crime import failed: " + e.getCause(), e.getCause());
        }
    }

    private static long sizeOrZero(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // reported by the reader
        }
    }

    /** Turns one file's progress into progress over all files of the import. */
    private record OverallProgress(ReadListener target, AtomicLongArray bytesByFile, int index, long totalBytes)
            implements ReadListener {
        @Override
        public void problem(org.sightline.geo.io.RowProblem problem) {
            target.problem(problem);
        }

        @Override
        public void progress(long bytesRead, long fileBytes) {
            // under one lock, so that the sums reach the listener in order and the total only once
            synchronized (bytesByFile) {
                bytesByFile.set(index, bytesRead);
                long sum = 0;
                for (int i = 0; i < bytesByFile.length(); i++) {
                    sum += bytesByFile.get(i);
                }
                target.progress(sum, totalBytes);
            }
        }
    }

    /** Listeners (progress bars) are written for one thread; parallel readers share one this way. */
    private static ReadListener synchronizedListener(ReadListener l) {
        return new ReadListener() {
            @Override
            public synchronized void problem(org.sightline.geo.io.RowProblem problem) {
                l.problem(problem);
            }

            @Override
            public synchronized void progress(long bytesRead, long totalBytes) {
                l.progress(bytesRead, totalBytes);
            }
        };
    }

    public ImportResult boundaries(Path file, Optional<FeatureFormat> format, Optional<String> layer,
                                   Optional<String> codeField, Optional<String> nameField, ReadListener listener) {
        List<Boundary> read = new ArrayList<>();
        ReadSummary s = files.read(file, format, layer, BoundaryFeatures.mapper(codeField, nameField), read::add, listener);
        List<String> notes = new ArrayList<>();
        List<Boundary> unique = uniqueCodes(read, notes);
        return new ImportResult(List.of(s), unique.isEmpty() ? 0 : boundaries.upsert(unique, file.getFileName().toString()), notes);
    }

    /**
     * Two areas of one file with the same code (name-only files such as police neighbourhoods,
     * where two districts both have a "Church" ward) would overwrite each other: later ones get
     * "-2", "-3" appended, in file order, so a re-import gives the same codes.
     */
    static List<Boundary> uniqueCodes(List<Boundary> read, List<String> notes) {
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        List<Boundary> out = new ArrayList<>(read.size());
        for (Boundary b : read) {
            int n = seen.merge(b.code(), 1, Integer::sum);
            if (n == 1) {
                out.add(b);
            } else {
                String code = b.code() + "-" + n;
                notes.add("boundary code '" + b.code() + "' appears more than once; stored the later area as '" + code + "'");
                out.add(new Boundary(code, b.name(), b.area()));
            }
        }
        return out;
    }

    public ImportResult roads(Path file, Optional<FeatureFormat> format, Optional<String> layer, ReadListener listener) {
        String source = file.getFileName().toString();
        try (RoadStore.Load load = roads.begin(source)) {
            ReadSummary s = files.read(file, format, layer, RoadFeatures.mapper(source), load, listener);
            return new ImportResult(List.of(s), load.finish());
        }
    }

    public ImportResult cameras(Path file, Optional<FeatureFormat> format, Optional<String> layer, ReadListener listener) {
        return collectThenStore(file, format, layer, CameraFeatures.mapper(), listener,
                (List<Camera> read) -> cameras.upsert(read, file.getFileName().toString()));
    }

    public ImportResult candidates(Path file, Optional<FeatureFormat> format, Optional<String> layer, ReadListener listener) {
        return collectThenStore(file, format, layer, CandidateSiteFeatures.mapper(), listener,
                (List<CandidateSite> read) -> sites.upsert(read, file.getFileName().toString()));
    }

    private <T> ImportResult collectThenStore(Path file, Optional<FeatureFormat> format, Optional<String> layer,
                                              FeatureMapper<T> mapper, ReadListener listener, Store<T> store) {
        List<T> read = new ArrayList<>();
        Consumer<T> sink = read::add;
        ReadSummary s = files.read(file, format, layer, mapper, sink, listener);
        return new ImportResult(List.of(s), read.isEmpty() ? 0 : store.store(read));
    }

    @FunctionalInterface
    private interface Store<T> {
        long store(List<T> rows);
    }

    /** Directories become their .csv/.csv.gz files, sorted; files are kept as given. */
    public static List<Path> expand(Collection<Path> inputs) {
        List<Path> out = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.getFileName().toString().matches(".*\\.csv(\\.gz)?")).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p, e);
                }
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
