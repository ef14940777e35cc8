package org.sightline.ingest.intake;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.sightline.ingest.read.domain.CheckedRead;

/**
 * A received message, decoded, waiting to be written; {@link #acknowledge()} tells the broker it
 * is safe, and is called only after the transaction holding its rows has committed. A message with
 * nothing to store (a peer's event without a plate) has no reads and is acknowledged in its turn.
 *
 * @param topic the MQTT topic
 * @param payload the raw bytes
 * @param receivedAt when it arrived
 * @param receivedNanos {@link System#nanoTime()} when it arrived, for latency figures
 * @param reads what the decoder made of it (empty when the message carries no read)
 * @param ack sends the acknowledgement, given the delivery as committed (after the equipment
 *            check); must not throw
 */
public record Delivery(String topic, byte[] payload, Instant receivedAt, long receivedNanos,
                       List<CheckedRead> reads, Consumer<Delivery> ack) {

    public Delivery {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(receivedAt, "receivedAt");
        reads = List.copyOf(reads);
        Objects.requireNonNull(ack, "ack");
    }

    /** Tells the broker the message is safe. */
    public void acknowledge() {
        ack.accept(this);
    }

    /** The same delivery with other checked reads (the equipment check turns good reads bad). */
    public Delivery withReads(List<CheckedRead> checked) {
        return new Delivery(topic, payload, receivedAt, receivedNanos, checked, ack);
    }
}
