package org.sightline.planner.plan.domain;

/**
 * The question cannot be answered as asked (no crimes in range, budget below every site's cost,
 * empty area, ...). The message says why, in words for the planner.
 */
public class PlanRejected extends IllegalArgumentException {

    public PlanRejected(String message) {
        super(message);
    }
}
