package org.sightline.ingest.intake;

import java.time.Instant;

/**
 * Where the read intake hands a peer's heartbeat that arrived on a reads topic (the OpenALPR agent
 * sends its heartbeats on its results topic): to the unit status, which records it like a native
 * heartbeat.
 */
@FunctionalInterface
public interface PeerHeartbeats {

    /**
     * Offers one heartbeat message; must not block.
     *
     * @param ack acknowledges the message; called once the heartbeat is recorded or dead-lettered
     * @return true when taken; false when it cannot be taken now (the read intake then
     *         acknowledges it as a message without reads)
     */
    boolean offer(String topic, byte[] payload, Instant receivedAt, Runnable ack);
}
