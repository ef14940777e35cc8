package org.sightline.platform.mqtt;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A lean MQTT 5 QoS 1 publisher for the benchmarks' load: one plain TCP connection that writes
 * PUBLISH packets back to back (the caller flushes before it waits) and counts the broker's
 * PUBACKs on a reader thread. It keeps at most the broker's receive maximum in flight, as a
 * client must. It exists because on a 2-core machine a full client library per simulated unit
 * (three threads each, a token per message) takes CPU the system under test needs, while real
 * roadside units publish from their own hardware. Plain {@code tcp://} brokers only; the service
 * itself uses Paho ({@link MqttClients}).
 */
public final class WirePublisher implements AutoCloseable {

    private static final long MAX_WAIT_NANOS = TimeUnit.MINUTES.toNanos(1);

    private static final int PUBACK = 0x40;
    private static final int CONNACK = 0x20;
    private static final int PROPERTY_RECEIVE_MAXIMUM = 0x21;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final Semaphore window;
    private final int windowSize;
    private final AtomicLong refused = new AtomicLong();
    private final Thread reader;
    private volatile long readerCpuNanos;
    private volatile IOException readFailure;
    private int nextPacketId = 1;

    private WirePublisher(Socket socket, int receiveMaximum, DataInputStream in, String name) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
        this.in = in;
        this.windowSize = receiveMaximum;
        this.window = new Semaphore(receiveMaximum);
        this.reader = new Thread(this::readAcks, name + "-acks");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Connects with a clean, session-less start; the window is the broker's receive maximum capped at {@code maxWindow}. */
    public static WirePublisher connect(String url, String clientId, String username, String password, int maxWindow)
            throws IOException {
        URI uri = URI.create(url);
        if (!"tcp".equals(uri.getScheme())) {
            throw new IOException("the lean publisher speaks plain tcp:// only, not " + uri.getScheme());
        }
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 1883 : uri.getPort()), 10_000);
        socket.setSoTimeout(0);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT");
        body.write(5); // protocol level: MQTT 5
        boolean login = username != null && !username.isBlank();
        int flags = 0x02 | (login ? 0x80 : 0) | (login && password != null ? 0x40 : 0); // clean start
        body.write(flags);
        body.write(0); // keep alive 0: the benchmark's connections live seconds
        body.write(0);
        body.write(0); // no properties: session expiry 0
        writeString(body, clientId);
        if (login) {
            writeString(body, username);
            if (password != null) {
                writeString(body, password);
            }
        }
        OutputStream raw = socket.getOutputStream();
        raw.write(packet(0x10, body.toByteArray()));
        raw.flush();
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 64 * 1024));
        socket.setSoTimeout(10_000);
        int type = in.readUnsignedByte();
        byte[] connack = new byte[readVarInt(in)];
        in.readFully(connack);
        if ((type & 0xF0) != CONNACK || connack.length < 2) {
            socket.close();
            throw new IOException("expected CONNACK, got packet type " + (type >> 4));
        }
        if ((connack[1] & 0xFF) != 0) {
            socket.close();
            throw new IOException("the broker refused the connection: reason code 0x" + Integer.toHexString(connack[1] & 0xFF));
        }
        socket.setSoTimeout(0);
        int receiveMaximum = Math.min(maxWindow, receiveMaximum(connack));
        return new WirePublisher(socket, Math.max(1, receiveMaximum), in, clientId);
    }

    /** Receive Maximum (property 0x21) from a CONNACK's properties, 65,535 when absent. */
    private static int receiveMaximum(byte[] connack) throws IOException {
        DataInputStream p = new DataInputStream(new java.io.ByteArrayInputStream(connack, 2, connack.length - 2));
        if (connack.length <= 2) {
            return 65_535;
        }
        int length = readVarInt(p);
        byte[] props = new byte[length];
        p.readFully(props);
        for (int i = 0; i < props.length; ) {
            int id = props[i++] & 0xFF;
            switch (id) {
                case PROPERTY_RECEIVE_MAXIMUM -> {
                    return ((props[i] & 0xFF) << 8) | (props[i + 1] & 0xFF);
                }
                case 0x01, 0x24, 0x25, 0x28, 0x29, 0x2A -> i += 1; // byte properties
                case 0x13, 0x22 -> i += 2; // two-byte integers
                case 0x11, 0x27 -> i += 4; // four-byte integers
                case 0x12, 0x15, 0x1A, 0x1C, 0x1F -> i += 2 + (((props[i] & 0xFF) << 8) | (props[i + 1] & 0xFF)); // strings
                case 0x16 -> i += 2 + (((props[i] & 0xFF) << 8) | (props[i + 1] & 0xFF)); // binary data
                case 0x26 -> { // user property: two strings
                    i += 2 + (((props[i] & 0xFF) << 8) | (props[i + 1] & 0xFF));
                    i += 2 + (((props[i] & 0xFF) << 8) | (props[i + 1] & 0xFF));
                }
                default -> throw new IOException("unknown CONNACK property 0x" + Integer.toHexString(id));
            }
        }
        return 65_535;
    }

    /**
     * Writes one QoS 1 PUBLISH once the broker's window allows it (flushing what is written before
     * waiting for it), without flushing it: the caller calls {@link #flush()} before it waits.
     *
     * @throws IOException the connection failed, or the broker acknowledged nothing for a minute
     */
    public void publish(byte[] topic, byte[] payload) throws IOException, InterruptedException {
        if (!window.tryAcquire()) {
            out.flush();
            long deadline = System.nanoTime() + MAX_WAIT_NANOS;
            while (!window.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                if (readFailure != null) {
                    throw readFailure;
                }
                if (System.nanoTime() > deadline) {
                    throw new IOException("the broker acknowledged nothing for a minute");
                }
            }
        }
        int id = nextPacketId;
        nextPacketId = id == 65_535 ? 1 : id + 1;
        int remaining = 2 + topic.length + 2 + 1 + payload.length;
        out.write(0x32); // PUBLISH, QoS 1
        writeVarInt(out, remaining);
        out.write(topic.length >> 8);
        out.write(topic.length);
        out.write(topic);
        out.write(id >> 8);
        out.write(id);
        out.write(0); // no properties
        out.write(payload);
    }

    /** Sends what is written. */
    public void flush() throws IOException {
        out.flush();
    }

    /** PUBACKs with a failure reason code (0x80 and above). */
    public long refused() {
        return refused.get();
    }

    // reads what the broker sends, a socket read at a time, and gives the window back once per read
    // for all the PUBACKs in it: a release per PUBACK woke the publishing thread per message
    private void readAcks() {
        byte[] buf = new byte[16 * 1024];
        int start = 0;
        int end = 0;
        try {
            while (true) {
                if (start == end) {
                    start = 0;
                    end = 0;
                } else if (end == buf.length) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                int n = in.read(buf, end, buf.length - end);
                if (n < 0) {
                    return; // the connection closed
                }
                end += n;
                int acknowledged = 0;
                while (true) {
                    // fixed header: type, remaining length (1-4 bytes), then the body
                    int at = start + 1;
                    int length = 0;
                    int shift = 0;
                    boolean complete = false;
                    while (at < end && shift <= 21) {
                        int b = buf[at++] & 0xFF;
                        length |= (b & 0x7F) << shift;
                        shift += 7;
                        if ((b & 0x80) == 0) {
                            complete = true;
                            break;
                        }
                    }
                    if (!complete && shift > 21) {
                        throw new IOException("malformed packet length from the broker");
                    }
                    // a packet that cannot fit the buffer would never be complete in it
                    if (complete && length > buf.length - 8) {
                        throw new IOException("unexpected " + length + "-byte packet from the broker");
                    }
                    if (!complete || end - at < length) {
                        break; // the rest of the packet is still on its way
                    }
                    if ((buf[start] & 0xF0) == PUBACK) {
                        int reason = length > 2 ? buf[at + 2] & 0xFF : 0;
                        if (reason >= 0x80) {
                            refused.incrementAndGet();
                        }
                        acknowledged++;
                    }
                    start = at + length;
                }
                if (acknowledged > 0) {
                    window.release(acknowledged);
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                readFailure = e;
            }
        } finally {
            readerCpuNanos = Math.max(0, ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
        }
    }

    /**
     * CPU time of the thread that read the acknowledgements, nanoseconds; known once it has ended
     * (after {@link #close()}), 0 before.
     */
    public long ackReaderCpuNanos() {
        return readerCpuNanos;
    }

    /** Flushes, waits (at most {@code timeoutMillis}) for every PUBACK, and disconnects. */
    public boolean finish(long timeoutMillis) throws IOException, InterruptedException {
        out.flush();
        boolean all = window.tryAcquire(windowSize, timeoutMillis, TimeUnit.MILLISECONDS);
        out.write(0xE0); // DISCONNECT, normal
        out.write(0);
        out.flush();
        return all;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            reader.join(1_000); // it ends as the socket closes
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] packet(int header, byte[] body) throws IOException {
        ByteArrayOutputStream p = new ByteArrayOutputStream(body.length + 5);
        p.write(header);
        writeVarInt(p, body.length);
        p.write(body);
        return p.toByteArray();
    }

    private static void writeString(OutputStream o, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        o.write(b.length >> 8);
        o.write(b.length);
        o.write(b);
    }

    private static void writeVarInt(OutputStream o, int value) throws IOException {
        do {
            int digit = value & 0x7F;
            value >>>= 7;
            o.write(value > 0 ? digit | 0x80 : digit);
        } while (value > 0);
    }

    private static int readVarInt(DataInputStream in) throws IOException {
        int value = 0;
        for (int shift = 0; shift < 28; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IOException("malformed remaining length");
    }
}
