package org.sightline.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.sightline.platform.mqtt.MqttClients;
import org.sightline.platform.mqtt.WirePublisher;

/**
 * The benchmark's roadside units: several QoS 1 publishers, each keeping its own in-flight window
 * within the broker's receive maximum, all together within a shared window of reads published and
 * not yet consumed (released by the consumer). They are either lean wire publishers
 * ({@link WirePublisher}) or Paho clients like the service's own.
 */
final class BenchPublishers {

    static final int PUBLISHERS = 4;

    /** Reads of the shared window a wire publisher takes at once. */
    private static final int CHUNK = 16;

    private final MqttClients clients;
    private final IngestBenchmark.Load kind;

    BenchPublishers(MqttClients clients, IngestBenchmark.Load kind) {
        this.clients = clients;
        this.kind = kind;
    }

    /**
     * Publishes every payload once.
     *
     * @param publishedAt filled with {@link System#nanoTime()} at each publish, or null
     * @param outstanding the shared window: one permit per read in transit
     */
    void publishAll(String topic, byte[][] payloads, long[] publishedAt, Semaphore outstanding, Duration timeout)
            throws Exception {
        if (kind == IngestBenchmark.Load.WIRE) {
            publishOnWire(topic, payloads, publishedAt, outstanding, timeout);
            return;
        }
        MqttAsyncClient[] pubs = new MqttAsyncClient[PUBLISHERS];
        Semaphore[] windows = new Semaphore[PUBLISHERS];
        AtomicLong failures = new AtomicLong();
        for (int p = 0; p < PUBLISHERS; p++) {
            pubs[p] = clients.newAsyncClient(clients.config().clientIdPrefix() + "-bench-pub-" + p);
            IMqttToken t = pubs[p].connect(clients.options(true, 0));
            t.waitForCompletion(10_000);
            Integer serverMax = t.getResponseProperties() == null ? null : t.getResponseProperties().getReceiveMaximum();
            windows[p] = new Semaphore(Math.max(1, Math.min(serverMax == null ? 65_535 : serverMax, 500)));
        }
        Thread[] threads = new Thread[PUBLISHERS];
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int p = 0; p < PUBLISHERS; p++) {
            int me = p;
            threads[p] = new Thread(() -> {
                MqttActionListener release = new MqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        windows[me].release();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                        failures.incrementAndGet();
                        windows[me].release();
                    }
                };
                try {
                    for (int i = me; i < payloads.length && System.nanoTime() < deadline; i += PUBLISHERS) {
                        outstanding.acquire();
                        windows[me].acquire();
                        MqttMessage m = new MqttMessage(payloads[i]);
                        m.setQos(1);
                        if (publishedAt != null) {
                            publishedAt[i] = System.nanoTime();
                        }
                        pubs[me].publish(topic, m, null, release);
                    }
                } catch (InterruptedException | MqttException e) {
                    failures.incrementAndGet();
                }
            }, "bench-publisher-" + p);
            threads[p].start();
        }
        for (Thread t : threads) {
            t.join(timeout.toMillis());
        }
        for (MqttAsyncClient c : pubs) {
            c.disconnect(5_000).waitForCompletion(10_000);
            c.close();
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed");
        }
    }

    private void publishOnWire(String topic, byte[][] payloads, long[] publishedAt, Semaphore outstanding, Duration timeout)
            throws Exception {
        byte[] topicBytes = topic.getBytes(StandardCharsets.UTF_8);
        WirePublisher[] pubs = new WirePublisher[PUBLISHERS];
        for (int p = 0; p < PUBLISHERS; p++) {
            pubs[p] = WirePublisher.connect(clients.config().url(), clients.config().clientIdPrefix() + "-bench-pub-" + p,
                    clients.config().username(), clients.config().password(), 500);
        }
        AtomicLong failures = new AtomicLong();
        Thread[] threads = new Thread[PUBLISHERS];
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int p = 0; p < PUBLISHERS; p++) {
            WirePublisher pub = pubs[p];
            int me = p;
            threads[p] = new Thread(() -> {
                try {
                    int permits = 0;
                    for (int i = me; i < payloads.length && System.nanoTime() < deadline; i += PUBLISHERS) {
                        if (permits == 0) {
                            // a few reads' room at a time: one wake-up per chunk, not per read
                            int chunk = Math.min(CHUNK, (payloads.length - 1 - i) / PUBLISHERS + 1);
                            if (!outstanding.tryAcquire(chunk)) {
                                pub.flush(); // send what is written before waiting for the consumer
                                outstanding.acquire(chunk);
                            }
                            permits = chunk;
                        }
                        permits--;
                        if (publishedAt != null) {
                            publishedAt[i] = System.nanoTime();
                        }
                        pub.publish(topicBytes, payloads[i]);
                    }
                    pub.flush();
                } catch (InterruptedException | IOException e) {
                    failures.incrementAndGet();
                }
            }, "bench-publisher-" + p);
            threads[p].start();
        }
        for (Thread t : threads) {
            t.join(timeout.toMillis());
        }
        for (WirePublisher pub : pubs) {
            try (pub) {
                if (!pub.finish(10_000)) {
                    failures.incrementAndGet();
                }
                failures.addAndGet(pub.refused());
            }
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed or were refused");
        }
    }
}
