package org.sightline.alerting.hotlist.domain;

/** What a hotlist is for; it sets nothing by itself, it tells the operator what kind of hit it is. */
public enum HotlistKind {
    /** Vehicles reported stolen. */
    STOLEN,
    /** Vehicles linked to wanted or missing people. */
    WANTED,
    /** Local anti-social behaviour and vehicle misuse (nuisance bikes, cruising, off-road use). */
    LOCAL_ASB,
    /** Organised-crime intelligence. */
    ORGANISED_CRIME,
    /** Anything else the partnership keeps. */
    OTHER
}
