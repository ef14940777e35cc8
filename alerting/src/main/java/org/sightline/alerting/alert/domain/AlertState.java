package org.sightline.alerting.alert.domain;

/** Where an alert is in the operator's hands: NEW → ACKNOWLEDGED → ACCEPTED or REJECTED. */
public enum AlertState {
    NEW, ACKNOWLEDGED, ACCEPTED, REJECTED;

    /** True while sightings can still join it and operators must act. */
    public boolean open() {
        return this == NEW || this == ACKNOWLEDGED;
    }

    /** The state after the action, or null when the action is not allowed from this state. */
    public AlertState after(AlertAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> this == NEW ? ACKNOWLEDGED : null;
            case ACCEPT -> this == ACKNOWLEDGED ? ACCEPTED : null;
            case REJECT -> this == ACKNOWLEDGED ? REJECTED : null;
        };
    }
}
