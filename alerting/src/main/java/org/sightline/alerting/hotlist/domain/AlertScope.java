package org.sightline.alerting.hotlist.domain;

/** Which cameras may raise an alert for a hotlist. */
public enum AlertScope {
    /** Only ANPR cameras on an arterial route (the default: alerts where the vehicle can be intercepted). */
    ARTERIAL_ONLY,
    /** Any ANPR camera. */
    ANYWHERE
}
