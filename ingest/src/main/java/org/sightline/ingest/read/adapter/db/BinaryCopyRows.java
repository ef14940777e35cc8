package org.sightline.ingest.read.adapter.db;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Rows in PostgreSQL's binary {@code COPY} format, written to a stream: no text to format here
 * nor to parse in the server. Covers the types the intake stages (uuid, text, boolean, real,
 * double precision, smallint, timestamptz, jsonb, and PostGIS points). Not thread-safe; {@link #finish()} writes the
 * trailer and flushes.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
    // timestamptz counts microseconds from 2000-01-01T00:00:00Z
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;
    private static final byte JSONB_VERSION = 1;
    private static final byte WKB_BIG_ENDIAN = 0;
    // wkbPoint (1) with PostGIS's SRID flag
    private static final int EWKB_POINT_WITH_SRID = 0x20000001;
    private static final int EWKB_POINT_BYTES = 1 + 4 + 4 + 8 + 8;

    private final OutputStream out;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 16);

    BinaryCopyRows(OutputStream out) throws IOException {
        this.out = out;
        buf.put(SIGNATURE).putInt(0).putInt(0);
    }

    void row(int fields) throws IOException {
        room(2);
        buf.putShort((short) fields);
    }

    void nullValue() throws IOException {
        room(4);
        buf.putInt(-1);
    }

    void uuid(UUID v) throws IOException {
        room(20);
        buf.putInt(16).putLong(v.getMostSignificantBits()).putLong(v.getLeastSignificantBits());
    }

    void bool(boolean v) throws IOException {
        room(5);
        buf.putInt(1).put((byte) (v ? 1 : 0));
    }

    void float4(double v) throws IOException {
        room(8);
        buf.putInt(4).putFloat((float) v);
    }

    void float8(double v) throws IOException {
        room(12);
        buf.putInt(8).putDouble(v);
    }

    void int2(int v) throws IOException {
        room(6);
        buf.putInt(2).putShort((short) v);
    }

    void timestamptz(Instant v) throws IOException {
        room(12);
        buf.putInt(8).putLong(Math.subtractExact(epochMicros(v), POSTGRES_EPOCH_SECONDS * 1_000_000L));
    }

    /** Microseconds since 1970, as PostgreSQL keeps a timestamptz (sub-microsecond digits dropped). */
    static long epochMicros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /**
     * A PostGIS point with its SRID, as extended WKB (what PostGIS's binary input takes): byte
     * order, type with the SRID flag, SRID, x, y.
     */
    void point(double x, double y, int srid) throws IOException {
        room(4 + EWKB_POINT_BYTES);
        buf.putInt(EWKB_POINT_BYTES).put(WKB_BIG_ENDIAN).putInt(EWKB_POINT_WITH_SRID).putInt(srid).putDouble(x).putDouble(y);
    }

    /** Text; a NUL, which PostgreSQL text cannot hold, becomes '?'. */
    void text(String v) throws IOException {
        bytes(v, false);
    }

    /** JSON text as jsonb. */
    void jsonb(String v) throws IOException {
        bytes(v, true);
    }

    private void bytes(String v, boolean jsonb) throws IOException {
        int prefix = jsonb ? 1 : 0;
        if (isAscii(v)) {
            // the common case: letters, digits and punctuation, one byte each
            room(4 + prefix + v.length());
            buf.putInt(v.length() + prefix);
            if (jsonb) {
                buf.put(JSONB_VERSION);
            }
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                buf.put(c == 0 ? (byte) '?' : (byte) c);
            }
            return;
        }
        byte[] b = (v.indexOf('\0') < 0 ? v : v.replace('\0', '?')).getBytes(StandardCharsets.UTF_8);
        room(4 + prefix);
        buf.putInt(b.length + prefix);
        if (jsonb) {
            buf.put(JSONB_VERSION);
        }
        int off = 0;
        while (off < b.length) {
            room(1);
            int n = Math.min(buf.remaining(), b.length - off);
            buf.put(b, off, n);
            off += n;
        }
    }

    private static boolean isAscii(String v) {
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Writes the trailer and everything buffered. */
    void finish() throws IOException {
        room(2);
        buf.putShort((short) -1);
        drain();
        out.flush();
    }

    private void room(int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
    }
}
