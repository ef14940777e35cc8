package org.sightline.alerting.alert.domain;

/** What an operator does to an alert. */
public enum AlertAction {
    /** "I have seen it." */
    ACKNOWLEDGE,
    /** A true hit: the vehicle is the listed one. */
    ACCEPT,
    /** Not a hit, with a reason. */
    REJECT
}
