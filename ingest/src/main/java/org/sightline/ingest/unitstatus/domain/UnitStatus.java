package org.sightline.ingest.unitstatus.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit's state and the times that drive it. Transitions: a heartbeat makes a unit ONLINE; no
 * heartbeat for 1.5 intervals makes it STALE and for 3 intervals OFFLINE; its Last Will
 * ("offline" on its status topic) makes it OFFLINE at once; "online" brings it back.
 *
 * @param state the current state
 * @param since when it entered that state
 * @param lastHeartbeatAt when the last heartbeat arrived, if ever
 */
public record UnitStatus(UnitState state, Instant since, Optional<Instant> lastHeartbeatAt) {

    public UnitStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastHeartbeatAt, "lastHeartbeatAt");
    }

    /** A change of state, with the reason an engineer reads on the timeline. */
    public record Transition(UnitState from, UnitState to, Instant at, String reason) {
    }

    /** The status after a heartbeat received at {@code at}. */
    public Step heartbeat(Instant at) {
        UnitStatus next = new UnitStatus(state == UnitState.ONLINE ? UnitState.ONLINE : UnitState.ONLINE,
                state == UnitState.ONLINE ? since : at, Optional.of(at));
        return step(next, at, "heartbeat received");
    }

    /** The status after the unit's presence message ({@code online} or its Last Will {@code offline}). */
    public Step presence(boolean online, Instant at) {
        if (online) {
            if (state == UnitState.OFFLINE || state == UnitState.UNKNOWN) {
                return step(new UnitStatus(UnitState.ONLINE, at, lastHeartbeatAt), at, "unit announced itself online");
            }
            return new Step(this, Optional.empty());
        }
        return step(new UnitStatus(UnitState.OFFLINE, at, lastHeartbeatAt), at, "unit went offline (Last Will or clean disconnect)");
    }

    /** The status at {@code now} given the heartbeat interval: ONLINE ages to STALE, then OFFLINE. */
    public Step tick(Instant now, Duration heartbeatInterval) {
        if (lastHeartbeatAt.isEmpty() || state == UnitState.OFFLINE || state == UnitState.UNKNOWN) {
            return new Step(this, Optional.empty());
        }
        Duration silent = Duration.between(lastHeartbeatAt.get(), now);
        if (silent.compareTo(heartbeatInterval.multipliedBy(3)) > 0) {
            return step(new UnitStatus(UnitState.OFFLINE, now, lastHeartbeatAt), now,
                    "no heartbeat for " + silent.toSeconds() + " s (3 intervals)");
        }
        if (state == UnitState.ONLINE && silent.toMillis() > heartbeatInterval.toMillis() * 3 / 2) {
            return step(new UnitStatus(UnitState.STALE, now, lastHeartbeatAt), now,
                    "no heartbeat for " + silent.toSeconds() + " s (1.5 intervals)");
        }
        return new Step(this, Optional.empty());
    }

    private Step step(UnitStatus next, Instant at, String reason) {
        if (next.state == state) {
            return new Step(next, Optional.empty());
        }
        return new Step(next, Optional.of(new Transition(state, next.state, at, reason)));
    }

    /** The status after an event, and the transition it caused if any. */
    public record Step(UnitStatus status, Optional<Transition> transition) {
    }
}
