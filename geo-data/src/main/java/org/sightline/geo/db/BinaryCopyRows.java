package org.sightline.geo.db;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Encodes rows in PostgreSQL's binary {@code COPY} format into a growable buffer, for a
 * {@link BinaryCopyStream}. Binary rows spare both sides the text work of a text {@code COPY}:
 * no escaping here, and no parsing of uuids, dates or hex geometry in the server. The caller
 * writes exactly the number of fields it announced in {@link #startRow(int)}, in the column order
 * of the {@code COPY} statement. Not thread-safe: use one per thread.
 */
public final class BinaryCopyRows {

    /** Days from the Unix epoch to PostgreSQL's date epoch, 2000-01-01. */
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /** EWKB geometry type word of a 2D point with an SRID. */
    private static final int EWKB_POINT_WITH_SRID = 0x20000001;

    private byte[] buf;
    private int size;
    private long rows;

    public BinaryCopyRows(int initialCapacityBytes) {
        buf = new byte[Math.max(64, initialCapacityBytes)];
    }

    /** Starts a row of {@code fields} fields. */
    public BinaryCopyRows startRow(int fields) {
        ensure(2);
        putShort(fields);
        rows++;
        return this;
    }

    /** A {@code uuid} field. */
    public BinaryCopyRows uuid(UUID value) {
        ensure(20);
        putInt(16);
        putLong(value.getMostSignificantBits());
        putLong(value.getLeastSignificantBits());
        return this;
    }

    /**
     * A {@code text} field; {@code null} becomes SQL NULL. PostgreSQL text cannot hold NUL, so a
     * NUL character is stored as U+FFFD rather than failing the whole COPY.
     */
    public BinaryCopyRows text(String value) {
        if (value == null) {
            ensure(4);
            putInt(-1);
            return this;
        }
        // nearly all values are ASCII: copy them without an intermediate byte array
        int n = value.length();
        ensure(4 + n);
        int start = size + 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80 || c == 0) {
                return utf8(value.replace('\u0000', '\uFFFD').getBytes(StandardCharsets.UTF_8));
            }
            buf[start + i] = (byte) c;
        }
        putInt(n);
        size += n;
        return this;
    }

    /** A {@code text} field already encoded as UTF-8 (for a value repeated on every row). */
    public BinaryCopyRows utf8(byte[] value) {
        ensure(4 + value.length);
        putInt(value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
        return this;
    }

    /** A {@code date} field. */
    public BinaryCopyRows date(LocalDate value) {
        ensure(8);
        putInt(4);
        putInt(Math.toIntExact(value.toEpochDay() - POSTGRES_EPOCH_DAY));
        return this;
    }

    /** A {@code float8} field. */
    public BinaryCopyRows float8(double value) {
        ensure(12);
        putInt(8);
        putLong(Double.doubleToLongBits(value));
        return this;
    }

    /**
     * A PostGIS {@code geometry} point as EWKB (big-endian, with its SRID), which the server's
     * binary input function reads directly.
     */
    public BinaryCopyRows point(double x, double y, int srid) {
        ensure(4 + 25);
        putInt(25);
        buf[size++] = 0; // big-endian (XDR)
        putInt(EWKB_POINT_WITH_SRID);
        putInt(srid);
        putLong(Double.doubleToLongBits(x));
        putLong(Double.doubleToLongBits(y));
        return this;
    }

    /** Bytes encoded since the last {@link #clear()}. */
    public int size() {
        return size;
    }

    /** Rows started since this buffer was made. */
    public long rows() {
        return rows;
    }

    /** A copy of the encoded bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Forgets the encoded bytes (the row count stays). */
    public void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }

    private void putShort(int v) {
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void putInt(int v) {
        buf[size++] = (byte) (v >>> 24);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    private void putLong(long v) {
        putInt((int) (v >>> 32));
        putInt((int) v);
    }
}
