package org.sightline.planner.siting.domain;

/** How many new cameras a plan may add: a count, or a budget in pounds spent on site costs. */
public sealed interface PlanLimit {

    /** At most {@code cameras} new cameras (1..10,000). */
    record CameraCount(int cameras) implements PlanLimit {
        public CameraCount {
            if (cameras < 1 || cameras > 10_000) {
                throw new IllegalArgumentException("number of cameras must be 1..10000, was " + cameras);
            }
        }
    }

    /** New sites whose costs add up to at most {@code gbp} pounds. */
    record Budget(double gbp) implements PlanLimit {
        public Budget {
            if (!Double.isFinite(gbp) || gbp <= 0) {
                throw new IllegalArgumentException("budget must be more than 0 GBP, was " + gbp);
            }
        }
    }
}
