package org.sightline.ingest.unitstatus.domain;

/** Where a roadside unit stands, from its heartbeats and its Last Will. */
public enum UnitState {
    /** Never heard from since it was registered. */
    UNKNOWN,
    /** Heartbeats arriving on time. */
    ONLINE,
    /** No heartbeat for 1.5 heartbeat intervals. */
    STALE,
    /** No heartbeat for 3 intervals, or its Last Will ("offline") arrived. */
    OFFLINE
}
