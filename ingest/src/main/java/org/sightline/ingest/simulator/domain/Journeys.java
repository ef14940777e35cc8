package org.sightline.ingest.simulator.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Vehicle journeys along the arterial routes: a vehicle enters a road at one of its cameras and
 * passes the next few in order (either direction), at a speed drawn for the road, so that the
 * times between cameras match the distances between them.
 */
public final class Journeys {

    /** One camera passing. */
    public record Pass(RouteCamera camera, Instant at) {
    }

    private final Map<String, List<RouteCamera>> byRoad = new LinkedHashMap<>();
    private final List<String> roads;
    private final Random random;

    public Journeys(List<RouteCamera> cameras, Random random) {
        this.random = random;
        for (RouteCamera c : cameras) {
            byRoad.computeIfAbsent(c.road(), k -> new ArrayList<>()).add(c);
        }
        byRoad.values().forEach(l -> l.sort(Comparator.comparingDouble(RouteCamera::metresAlong)));
        roads = new ArrayList<>(byRoad.keySet());
        if (roads.isEmpty()) {
            throw new IllegalArgumentException("no cameras to drive past");
        }
    }

    /** A journey starting at {@code start}: the cameras passed and when. */
    public List<Pass> next(Instant start) {
        List<RouteCamera> road = byRoad.get(roads.get(random.nextInt(roads.size())));
        boolean forward = random.nextBoolean();
        int n = road.size();
        int from = random.nextInt(n);
        int length = 1 + random.nextInt(Math.min(5, n));
        double speedMetresPerSecond = (road.get(0).road().startsWith("M") ? 26 : 13) * (0.8 + 0.4 * random.nextDouble());
        List<Pass> passes = new ArrayList<>();
        Instant t = start;
        RouteCamera previous = null;
        for (int k = 0; k < length; k++) {
            int i = forward ? from + k : from - k;
            if (i < 0 || i >= n) {
                break;
            }
            RouteCamera c = road.get(i);
            if (previous != null) {
                double metres = Math.abs(c.metresAlong() - previous.metresAlong());
                t = t.plus(Duration.ofMillis((long) (1000 * metres / speedMetresPerSecond) + random.nextInt(2000)));
            }
            passes.add(new Pass(c, t));
            previous = c;
        }
        return passes;
    }
}
