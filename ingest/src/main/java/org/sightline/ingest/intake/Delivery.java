package org.sightline.ingest.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sightline.ingest.read.domain.CheckedRead;

/**
 * A received message, decoded, waiting to be written; {@link #acknowledge()} tells the broker it
 * is safe, and is called only after the transaction holding its rows has committed.
 *
 * @param topic the MQTT topic
 * @param payload the raw bytes
 * @param receivedAt when it arrived
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for latency figures
 * @param reads what the decoder made of it (at least one entry)
 * @param ack sends the acknowledgement; must not throw
 */
public record Delivery(String topic, byte[] payload, Instant receivedAt, long receivedNanos,
                       List<CheckedRead> reads, Runnable ack) {

    public Delivery {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        reads = List.copyOf(reads);
        Objects.requireNonNull(ack, "ack");
        if (reads.isEmpty()) {
            throw new IllegalArgumentException("a delivery holds at least one checked read");
        }
    }

    /** Tells the broker the message is safe. */
    public void acknowledge() {
        ack.run();
    }

    /** The same delivery with other checked reads (the equipment check turns good reads bad). */
    public Delivery withReads(List<CheckedRead> checked) {
        return new Delivery(topic, payload, receivedAt, receivedNanos, checked, ack);
    }
}
