package org.sightline.planner.plan.application;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.sightline.planner.plan.adapter.http.PlanRequestBody;
import org.sightline.planner.plan.adapter.http.PlanView;
import org.sightline.planner.siting.domain.ProgressListener;

/**
 * Plans computed in the background so that a page can follow their progress: a job is started
 * with a validated request, runs on a small pool (two at a time), and keeps its latest state for
 * an hour after it ends. Thread-safe.
 */
@Singleton
public class PlanJobs {

    /** A job's state as the page sees it. */
    public record State(String phase, long done, long total, boolean finished, String planId, String error,
                        long startedMillis, long finishedMillis) {

        /** The state as a JSON-ready map. */
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("phase", phase);
            m.put("done", done);
            m.put("total", total);
            m.put("finished", finished);
            m.put("planId", planId);
            m.put("error", error);
            m.put("elapsedSeconds", ((finished ? finishedMillis : System.currentTimeMillis()) - startedMillis) / 1000.0);
            return m;
        }
    }

    private static final long KEEP_MILLIS = 3_600_000;

    private final PlanService plans;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "plan-job");
        t.setDaemon(true);
        return t;
    });
    private final Map<UUID, State> jobs = new ConcurrentHashMap<>();

    public PlanJobs(PlanService plans) {
        this.plans = plans;
    }

    /**
     * Validates {@code body} now and starts the plan.
     *
     * @throws IllegalArgumentException when the request is invalid (nothing is started)
     */
    public UUID start(PlanRequestBody body, String user) {
        body.toDomain();
        forgetOld();
        UUID id = UUID.randomUUID();
        long t0 = System.currentTimeMillis();
        jobs.put(id, new State("queued", 0, -1, false, null, null, t0, 0));
        pool.submit(() -> run(id, body, user, t0));
        return id;
    }

    /** The latest state of a job, if it is known. */
    public Optional<State> find(UUID id) {
        return Optional.ofNullable(jobs.get(id));
    }

    private void run(UUID id, PlanRequestBody body, String user, long t0) {
        ProgressListener listener = new ProgressListener() {
            private volatile String phase = "starting";

            @Override
            public void progress(long done, long total) {
                jobs.put(id, new State(phase, done, total, false, null, null, t0, 0));
            }

            @Override
            public void phase(String description) {
                phase = description;
                jobs.put(id, new State(description, 0, -1, false, null, null, t0, 0));
            }
        };
        try {
            PlanView view = plans.create(body, user, listener);
            jobs.put(id, new State("done", view.sites().size(), view.sites().size(), true, view.id(), null, t0,
                    System.currentTimeMillis()));
        } catch (IllegalArgumentException e) {
            jobs.put(id, new State("refused", 0, -1, true, null, e.getMessage(), t0, System.currentTimeMillis()));
        } catch (RuntimeException e) {
            jobs.put(id, new State("failed", 0, -1, true, null, "the plan failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), t0, System.currentTimeMillis()));
        }
    }

    private void forgetOld() {
        long now = System.currentTimeMillis();
        jobs.entrySet().removeIf(e -> e.getValue().finished() && now - e.getValue().finishedMillis() > KEEP_MILLIS);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
