package org.sightline.ingest.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.lang.management.ManagementFactory;
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

    /** Reads of the shared window a publisher takes at once. */
    private static final int CHUNK = 16;

    /** Most reads each publisher has in flight (less if the broker's receive maximum is lower). */
    private static final int WINDOW = 500;

    private final MqttClients clients;
    private final IngestBenchmark.Load kind;

    BenchPublishers(MqttClients clients, IngestBenchmark.Load kind) {
        this.clients = clients;
        this.kind = kind;
    }

    /**
     * Publishes every payload once, the payloads dealt round-robin to {@link #PUBLISHERS} units
     * on threads of their own.
     *
     * @param publishedAt filled with {@link System#nanoTime()} at each publish, or null
     * @param outstanding the shared window: one permit per read in transit
     * @return the CPU time of the publishing threads, nanoseconds (they have ended when this returns)
     */
    long publishAll(String topic, byte[][] payloads, long[] publishedAt, Semaphore outstanding, Duration timeout)
            throws Exception {
        Unit[] units = new Unit[PUBLISHERS];
        for (int p = 0; p < PUBLISHERS; p++) {
            String clientId = clients.config().clientIdPrefix() + "-bench-pub-" + p;
            units[p] = kind == IngestBenchmark.Load.WIRE ? new WireUnit(clients, clientId, topic) : new PahoUnit(clients, clientId, topic);
        }
        AtomicLong failures = new AtomicLong();
        AtomicLong cpuNanos = new AtomicLong();
        Thread[] threads = new Thread[PUBLISHERS];
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int p = 0; p < PUBLISHERS; p++) {
            Unit unit = units[p];
            int me = p;
            threads[p] = new Thread(() -> {
                try {
                    int permits = 0;
                    for (int i = me; i < payloads.length && System.nanoTime() < deadline; i += PUBLISHERS) {
                        if (permits == 0) {
                            // a few reads' room at a time: one wake-up per chunk, not per read
                            int chunk = Math.min(CHUNK, (payloads.length - 1 - i) / PUBLISHERS + 1);
                            if (!outstanding.tryAcquire(chunk)) {
                                unit.flush(); // send what is written before waiting for the consumer
                                outstanding.acquire(chunk);
                            }
                            permits = chunk;
                        }
                        permits--;
                        if (publishedAt != null) {
                            publishedAt[i] = System.nanoTime();
                        }
                        unit.publish(payloads[i]);
                    }
                    unit.flush();
                } catch (Exception e) {
                    failures.incrementAndGet();
                } finally {
                    cpuNanos.addAndGet(Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()));
                }
            }, "bench-publisher-" + p);
            threads[p].start();
        }
        for (Thread t : threads) {
            t.join(timeout.toMillis());
        }
        for (Unit unit : units) {
            failures.addAndGet(unit.finish());
            cpuNanos.addAndGet(unit.helperCpuNanos());
        }
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " publishes failed or were refused");
        }
        return cpuNanos.get();
    }

    /** One benchmark unit's connection. */
    private interface Unit {
        /** Publishes at QoS 1, waiting while the connection's own in-flight window is full. */
        void publish(byte[] payload) throws Exception;

        /** Sends what is written, before the thread waits. */
        void flush() throws IOException;

        /** Waits for the outstanding acknowledgements and disconnects; the publishes that failed. */
        long finish() throws Exception;

        /** CPU of the unit's own helper threads that have ended after {@link #finish()}, nanoseconds. */
        default long helperCpuNanos() {
            return 0;
        }
    }

    /** A {@link WirePublisher}. */
    private static final class WireUnit implements Unit {
        private final WirePublisher pub;
        private final byte[] topic;

        WireUnit(MqttClients clients, String clientId, String topic) throws IOException {
            this.pub = WirePublisher.connect(clients.config().url(), clientId, clients.config().username(),
                    clients.config().password(), WINDOW);
            this.topic = topic.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public void publish(byte[] payload) throws IOException, InterruptedException {
            pub.publish(topic, payload);
        }

        @Override
        public void flush() throws IOException {
            pub.flush();
        }

        @Override
        public long finish() throws IOException, InterruptedException {
            try (pub) {
                return (pub.finish(10_000) ? 0 : 1) + pub.refused();
            }
        }

        @Override
        public long helperCpuNanos() {
            return pub.ackReaderCpuNanos();
        }
    }

    /** A Paho asynchronous client with its own in-flight window. */
    private static final class PahoUnit implements Unit {
        private final MqttAsyncClient client;
        private final String topic;
        private final Semaphore window;
        private final AtomicLong failures = new AtomicLong();
        private final MqttActionListener release = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable e) {
                failures.incrementAndGet();
                window.release();
            }
        };

        PahoUnit(MqttClients clients, String clientId, String topic) throws MqttException {
            this.client = clients.newAsyncClient(clientId);
            this.topic = topic;
            IMqttToken t = client.connect(clients.options(true, 0));
            t.waitForCompletion(10_000);
            Integer serverMax = t.getResponseProperties() == null ? null : t.getResponseProperties().getReceiveMaximum();
            this.window = new Semaphore(Math.max(1, Math.min(serverMax == null ? 65_535 : serverMax, WINDOW)));
        }

        @Override
        public void publish(byte[] payload) throws MqttException, InterruptedException {
            window.acquire();
            MqttMessage m = new MqttMessage(payload);
            m.setQos(1);
            client.publish(topic, m, null, release);
        }

        @Override
        public void flush() {
            // Paho sends each message as it is published
        }

        @Override
        public long finish() throws MqttException {
            client.disconnect(5_000).waitForCompletion(10_000);
            client.close();
            return failures.get();
        }
    }
}
